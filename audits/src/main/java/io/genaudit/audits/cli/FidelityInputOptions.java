package io.genaudit.audits.cli;

import io.genaudit.engine.InputException;
import io.genaudit.metrics.fidelity.FeatureBatch;
import io.genaudit.metrics.fidelity.FeatureBatches;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The inputs every fidelity command shares ({@code fid}, {@code kid}, {@code prdc}): the real and fake sets (image
 * folder, {@code .npy} features [N, D] or pytorch-fid {@code .npz} statistics), the feature extractor for folders,
 * and the {@link ImageNetworkOptions} (batch, resize). Used as a picocli mixin.
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

    @Mixin
    ImageNetworkOptions network;

    Path requireFake() {
        if (fake == null) throw new InputException("--fake", "a generated set is required (image folder, .npy or .npz)");
        return fake;
    }

    /** Streams one side to {@code sink}; folders go through the extractor named by --features, batch by batch. */
    FeatureBatches.Sent send(FeatureBatch.Side side, Path path, Consumer<? super FeatureBatch> sink) {
        return network.send(side, path, () -> CliModels.openFeatureExtractor(features, path), sink);
    }
}
