package io.genaudit.engine.image;

import java.nio.file.Path;

/** A feature extractor from a TorchScript file; see {@link FileFeatureExtractor}. */
public final class TorchScriptFeatureExtractor extends FileFeatureExtractor {
    private TorchScriptFeatureExtractor(Path file, int h, int w) {
        super(file, FileModel.Format.TORCHSCRIPT, h, w);
    }

    /**
     * Loads {@code file}, probing it with 32x32 images, or 299x299 (Inception's size) when the model rejects 32x32
     * (see {@code FileFeatureExtractor.probingSize}).
     * Used by {@code genaudit fid --features torchscript:PATH}.
     */
    public static TorchScriptFeatureExtractor load(Path file) {
        return probingSize((h, w) -> new TorchScriptFeatureExtractor(file, h, w));
    }

    /** Loads {@code file}, probing it with images of {@code height x width}. */
    public static TorchScriptFeatureExtractor load(Path file, int height, int width) {
        return new TorchScriptFeatureExtractor(file, height, width);
    }
}
