package io.genaudit.engine.image;

import java.nio.file.Path;

/** A feature extractor from an ONNX file; see {@link FileFeatureExtractor}. */
public final class OnnxFeatureExtractor extends FileFeatureExtractor {
    private OnnxFeatureExtractor(Path file, int h, int w) {
        super(file, FileModel.Format.ONNX, h, w);
    }

    /**
     * Loads {@code file}, probing it with 32x32 images, or 299x299 (Inception's size) when the model rejects 32x32
     * (see {@code FileFeatureExtractor.probingSize}).
     * Used by {@code genaudit fid --features onnx:PATH}.
     */
    public static OnnxFeatureExtractor load(Path file) {
        return probingSize((h, w) -> new OnnxFeatureExtractor(file, h, w));
    }

    /** Loads {@code file}, probing it with images of {@code height x width}. */
    public static OnnxFeatureExtractor load(Path file, int height, int width) {
        return new OnnxFeatureExtractor(file, height, width);
    }
}
