package io.genaudit.engine.image;

/**
 * A feature extractor behind its declared {@link ExtractorPreprocessing}: every batch is resized and normalised as
 * declared before the network sees it, and the preprocessing is part of {@link #describe()} (numbers computed with
 * different preprocessing are never compared).
 */
public record PreprocessedExtractor(ImageFeatureExtractor network, ExtractorPreprocessing preprocessing) implements ImageFeatureExtractor {
    @Override
    public int dimension() {
        return network.dimension();
    }

    @Override
    public double[][] extract(Images batch) {
        return network.extract(preprocessing.apply(batch));
    }

    @Override
    public String describe() {
        return network.describe() + " after " + preprocessing.describe();
    }

    @Override
    public void close() {
        network.close();
    }
}
