package io.genaudit.audits.modules;

import io.genaudit.audits.metric.InputFeed;
import io.genaudit.metrics.contract.BatchSource;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The feed of a fidelity plan entry: the batches {@code source} pushes, labelled with what {@link FidelityAuditInputs}
 * read from the plan (subject, real dataset, extractor and sampling settings, extractor caveats).
 */
final class FidelityInputFeed<I> implements InputFeed<I> {
    private final FidelityAuditInputs in;
    private final BatchSource<I> source;

    FidelityInputFeed(FidelityAuditInputs in, BatchSource<I> source) {
        this.in = in;
        this.source = source;
    }

    @Override
    public void feed(Consumer<? super I> sink) throws Exception {
        source.feed(sink);
    }

    @Override
    public String subject() {
        return in.subjectId;
    }

    @Override
    public String datasetLabel() {
        return in.datasetLabel();
    }

    @Override
    public Map<String, Object> settings() {
        return in.settings();
    }

    @Override
    public List<String> notes() {
        return in.inputNotes();
    }
}
