package io.genaudit.audits.cli;

import io.genaudit.engine.InputException;
import io.genaudit.engine.Progress;
import io.genaudit.metrics.fidelity.FeatureSet;
import io.genaudit.metrics.fidelity.FeatureSetLoader;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * The inputs every fidelity command shares ({@code fid}, {@code kid}, {@code prdc}): the real and fake sets (image
 * folder, {@code .npy} features [N, D] or pytorch-fid {@code .npz} statistics), the feature extractor for folders,
 * the batch size and the JSON output. Used as a picocli mixin.
 */
public final class FidelityInputOptions {
    @Option(names = "--real", paramLabel = "A", required = true,
            description = "Real set: image folder, .npy features [N, D] or .npz statistics (mu, sigma).")
    Path real;

    @Option(names = "--fake", paramLabel = "B",
            description = "Generated set: image folder, .npy features [N, D] or .npz statistics (mu, sigma).")
    Path fake;

    @Option(names = "--features", paramLabel = "SPEC",
            description = "Feature extractor for image folders: torchscript:PATH or onnx:PATH (images [B,3,H,W] in [0,1] -> [B,D]).")
    String features;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "50", description = "Images per extractor batch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--json", paramLabel = "OUT", description = "Write the result as JSON.")
    Path json;

    @Option(names = "--resize", paramLabel = "N",
            description = "Resize folder images to N x N (bicubic) before extraction; default: pass them at their own size.")
    Integer resize;

    /** Loads one side; folders go through the extractor named by --features. */
    FeatureSet load(Path path, boolean keepFeatures) {
        if (batch < 1) throw new InputException("--batch", "a positive batch size expected, got " + batch);
        if (resize != null && resize < 1) throw new InputException("--resize", "a positive size expected, got " + resize);
        return FeatureSetLoader.load(path, () -> CliModels.openFeatureExtractor(features, path), batch, keepFeatures,
                ConsoleProgress.factory(), resize == null ? 0 : resize);
    }

    Path requireFake() {
        if (fake == null) throw new InputException("--fake", "a generated set is required (image folder, .npy or .npz)");
        return fake;
    }

    /** Throws unless both sets have the same feature dimension. */
    static void checkSameDimension(FeatureSet a, FeatureSet b) {
        if (a.dim() != b.dim()) {
            throw new InputException(b.source(), "feature dimension " + b.dim() + " differs from " + a.source() + " (" + a.dim() + ")");
        }
    }
}
