package io.genaudit.audits.modules;

import io.genaudit.metrics.contract.BatchSource;

import java.util.function.Consumer;

/**
 * The feed of a fidelity plan entry: the batches {@code source} pushes, labelled with what {@link FidelityAuditInputs}
 * read from the plan (subject, real dataset, extractor and sampling settings, extractor caveats).
 */
final class FidelityInputFeed<I> extends DescribedFeed<I> {
    private final BatchSource<I> source;

    FidelityInputFeed(FidelityAuditInputs in, BatchSource<I> source) {
        super(in.subjectId, in.datasetLabel(), in.settings(), in.inputNotes());
        this.source = source;
    }

    @Override
    public void feed(Consumer<? super I> sink) throws Exception {
        source.feed(sink);
    }
}
