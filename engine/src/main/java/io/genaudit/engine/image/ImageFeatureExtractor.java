package io.genaudit.engine.image;

/**
 * Maps images [B,3,H,W] in [0,1] to feature vectors [B,D] (InceptionV3 pool3, DINOv2, CLIP, or genaudit's own
 * fixture-trained extractor). Also used for attribute classifiers, whose features are class logits.
 */
public interface ImageFeatureExtractor extends AutoCloseable {
    int dimension();

    double[][] extract(Images batch);

    /** Identifies the extractor in provenance: numbers from different extractors are never compared. */
    String describe();

    @Override
    void close();
}
