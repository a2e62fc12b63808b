package io.genaudit.engine.image;

import java.util.Iterator;

/** An {@link ImageSource} over a batch already in memory (tests, small sample sets). */
public record InMemoryImageSource(Images images, String description) implements ImageSource {
    @Override
    public int size() {
        return images.n();
    }

    @Override
    public Iterator<Images> batches(int batchSize) {
        return RangeBatches.of(images.n(), batchSize, (k, from, count) -> images.slice(from, from + count));
    }

    @Override
    public String describe() {
        return description;
    }
}
