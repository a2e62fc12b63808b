package io.genaudit.audits.metric;

import io.genaudit.metrics.contract.BatchSource;

import java.util.List;
import java.util.Map;


/**
 * The input of one metric run, opened by an {@link InputAdapter} from a plan entry or from command-line options: the
 * batches, and what the result must say about them (the audited subject, the dataset, the settings that change the
 * number, caveats about the inputs).
 *
 * @param <I> the metric's input batch type
 */
public interface InputFeed<I> extends BatchSource<I> {
    /** The audited model id, or the samples dataset's id when samples are given as data. */
    String subject();

    /** The dataset id(s) the result was computed on ("" when none). */
    String datasetLabel();

    /** Input settings that change the number (extractor, sample count, sampling seed, batch ...). */
    Map<String, Object> settings();

    /** Caveats about the inputs (e.g. "features from genaudit's own extractor, not InceptionV3"). */
    List<String> notes();
}
