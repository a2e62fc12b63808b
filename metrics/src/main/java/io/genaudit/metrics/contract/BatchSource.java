package io.genaudit.metrics.contract;

import java.util.function.Consumer;

/** Something that pushes a metric's input batches, in order, to a consumer (an image folder through an extractor, a corpus through a model). */
@FunctionalInterface
public interface BatchSource<I> {
    /** Sends every batch to {@code sink}, in order. */
    void feed(Consumer<? super I> sink) throws Exception;
}
