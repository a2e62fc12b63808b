package io.genaudit.engine.image;

import java.util.Iterator;

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
        return RangeBatches.of(total, batchSize, (k, from, count) -> generator.generate(count, seed + k * 1_000_003L, null));
    }

    @Override
    public String describe() {
        return total + " samples of " + generator.describe() + " (seed " + seed + ")";
    }
}
