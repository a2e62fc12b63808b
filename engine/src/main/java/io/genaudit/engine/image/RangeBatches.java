package io.genaudit.engine.image;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The batch iterator the image sources share: items {@code 0..size-1} in order, in batches of at most
 * {@code batchSize}, each made by a {@link Loader} from its range.
 */
final class RangeBatches {
    /** Makes the batch of items {@code [from, from + count)}; {@code index} counts batches from 0. */
    @FunctionalInterface
    interface Loader {
        Images load(long index, int from, int count);
    }

    private RangeBatches() {
    }

    static Iterator<Images> of(int size, int batchSize, Loader loader) {
        if (batchSize < 1) throw new IllegalArgumentException("batchSize must be >= 1");
        return new Iterator<>() {
            int next = 0;
            long index = 0;

            @Override
            public boolean hasNext() {
                return next < size;
            }

            @Override
            public Images next() {
                if (!hasNext()) throw new NoSuchElementException();
                int count = Math.min(batchSize, size - next);
                Images b = loader.load(index++, next, count);
                next += count;
                return b;
            }
        };
    }
}
