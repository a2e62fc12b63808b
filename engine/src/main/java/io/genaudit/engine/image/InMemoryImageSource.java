package io.genaudit.engine.image;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** An {@link ImageSource} over a batch already in memory (tests, small sample sets). */
public record InMemoryImageSource(Images images, String description) implements ImageSource {
    @Override
    public int size() {
        return images.n();
    }

    @Override
    public Iterator<Images> batches(int batchSize) {
        if (batchSize < 1) throw new IllegalArgumentException("batchSize must be >= 1");
        return new Iterator<>() {
            int next = 0;

            public boolean hasNext() {
                return next < images.n();
            }

            public Images next() {
                if (!hasNext()) throw new NoSuchElementException();
                int to = Math.min(images.n(), next + batchSize);
                Images b = images.slice(next, to);
                next = to;
                return b;
            }
        };
    }

    @Override
    public String describe() {
        return description;
    }
}
