package io.genaudit.audits.cli;

import io.genaudit.engine.InputException;
import io.genaudit.engine.image.ImageFeatureExtractor;
import io.genaudit.engine.image.OnnxFeatureExtractor;
import io.genaudit.engine.image.TorchScriptFeatureExtractor;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens the feature extractor a fidelity command names with {@code --features SPEC}: {@code torchscript:PATH} or
 * {@code onnx:PATH} (the engine's {@link TorchScriptFeatureExtractor} / {@link OnnxFeatureExtractor}: images
 * [B,3,H,W] in [0,1] to features [B,D]).
 */
final class FidelityExtractors {
    private FidelityExtractors() {
    }

    static ImageFeatureExtractor open(String spec, Path input) {
        if (spec == null) {
            throw new InputException(input, "is an image folder: name a feature extractor with --features torchscript:PATH or onnx:PATH "
                    + "(or pass precomputed .npy features / .npz statistics)");
        }
        int colon = spec.indexOf(':');
        String kind = colon < 0 ? "" : spec.substring(0, colon);
        if (!kind.equals("torchscript") && !kind.equals("onnx")) {
            throw new InputException("--features", "expected torchscript:PATH or onnx:PATH, got '" + spec + "'");
        }
        Path file = Path.of(spec.substring(colon + 1));
        if (!Files.isRegularFile(file)) throw new InputException(file, "no such " + kind + " model file");
        return kind.equals("torchscript") ? TorchScriptFeatureExtractor.load(file) : OnnxFeatureExtractor.load(file);
    }
}
