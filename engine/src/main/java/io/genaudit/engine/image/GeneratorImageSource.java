package io.genaudit.engine.image;

import java.util.Iterator;

/**
 * Streams a generator's samples batch by batch; batch k uses seed {@link ImageGenerator#batchSeed} so batches are reproducible.
 *
 * @param generator what makes the samples
 * @param total     how many samples
 * @param seed      the first batch's seed
 */
record GeneratorImageSource(ImageGenerator generator, int total, long seed) implements ImageSource {
    @Override
    public int size() {
        return total;
    }

    @Override
    public Iterator<Images> batches(int batchSize) {
        return RangeBatches.of(total, batchSize, (k, from, count) -> generator.generate(count, ImageGenerator.batchSeed(seed, k), null));
    }

    @Override
    public String describe() {
        return total + " samples of " + generator.describe() + " (seed " + seed + ")";
    }
}
