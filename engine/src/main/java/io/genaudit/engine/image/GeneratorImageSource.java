package io.genaudit.engine.image;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** Streams a generator's samples batch by batch; batch k uses seed {@code seed + k*1_000_003} so batches are reproducible. */
final class GeneratorImageSource implements ImageSource {
    private final ImageGenerator generator;
    private final int total;
    private final long seed;

    GeneratorImageSource(ImageGenerator generator, int total, long seed) {
        this.generator = generator;
        this.total = total;
        this.seed = seed;
    }

    @Override
    public int size() {
        return total;
    }

    @Override
    public Iterator<Images> batches(int batchSize) {
        return new Iterator<>() {
            int done = 0;
            long k = 0;

            public boolean hasNext() {
                return done < total;
            }

            public Images next() {
                if (!hasNext()) throw new NoSuchElementException();
                int n = Math.min(batchSize, total - done);
                Images b = generator.generate(n, seed + (k++) * 1_000_003L, null);
                done += n;
                return b;
            }
        };
    }

    @Override
    public String describe() {
        return total + " samples of " + generator.describe() + " (seed " + seed + ")";
    }
}
