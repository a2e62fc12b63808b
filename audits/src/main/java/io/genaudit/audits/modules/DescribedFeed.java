package io.genaudit.audits.modules;

import io.genaudit.audits.metric.InputFeed;
import io.genaudit.metrics.contract.BatchSource;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * An {@link InputFeed} whose subject and dataset are known when it is opened; subclasses supply {@link #feed}, and
 * override {@link #settings()} and {@link #notes()} only when feeding adds to them (counts actually scored). The plan
 * and command-line inputs use it; {@link #of} wraps a plain {@link BatchSource}.
 *
 * @param <I> the batch type
 */
public abstract class DescribedFeed<I> implements InputFeed<I> {
    private final String subject;
    private final String datasetLabel;
    private final Map<String, Object> settings;
    private final List<String> notes;

    protected DescribedFeed(String subject, String datasetLabel, Map<String, Object> settings, List<String> notes) {
        this.subject = subject;
        this.datasetLabel = datasetLabel == null ? "" : datasetLabel;
        this.settings = settings;
        this.notes = List.copyOf(notes);
    }

    /** A feed of the batches {@code source} pushes, with a description known up front. */
    public static <I> InputFeed<I> of(String subject, String datasetLabel, Map<String, Object> settings, List<String> notes,
                                      BatchSource<I> source) {
        return new DescribedFeed<>(subject, datasetLabel, settings, notes) {
            @Override
            public void feed(Consumer<? super I> sink) throws Exception {
                source.feed(sink);
            }
        };
    }

    @Override
    public final String subject() {
        return subject;
    }

    @Override
    public final String datasetLabel() {
        return datasetLabel;
    }

    @Override
    public Map<String, Object> settings() {
        return settings;
    }

    @Override
    public List<String> notes() {
        return notes;
    }
}
