package io.genaudit.audits.cli;

import io.genaudit.engine.InputException;
import io.genaudit.engine.image.ImageFeatureExtractor;
import io.genaudit.metrics.fidelity.FeatureBatch;
import io.genaudit.metrics.fidelity.FeatureBatches;
import io.genaudit.metrics.fidelity.FeatureSet;
import io.genaudit.metrics.fidelity.FeatureSetLoader;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The options of every command that runs image folders through a network into rows (feature extractor or classifier):
 * the batch size and the optional resize; and the loading of one input with them. A picocli mixin.
 */
public final class ImageNetworkOptions {
    @Option(names = "--batch", paramLabel = "N", defaultValue = "50", description = "Images per network batch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--resize", paramLabel = "N",
            description = "Resize folder images to N x N (bicubic) before the network; default: pass them at their own size.")
    Integer resize;

    /** Loads {@code path}: a folder through {@code network} (opened only then), or a {@code .npy}/{@code .npz} file as it is. */
    FeatureSet load(Path path, Supplier<ImageFeatureExtractor> network, boolean keepRows) {
        check();
        return FeatureSetLoader.load(path, network, batch, keepRows, ConsoleProgress.factory(), resize == null ? 0 : resize);
    }

    /** Streams {@code path} as batches of {@code side} to {@code sink}: a folder through {@code network} batch by batch, a file whole. */
    FeatureBatches.Sent send(FeatureBatch.Side side, Path path, Supplier<ImageFeatureExtractor> network, Consumer<? super FeatureBatch> sink) {
        check();
        return FeatureBatches.sendPath(side, path, network, batch, ConsoleProgress.factory(), resize == null ? 0 : resize, sink);
    }

    private void check() {
        if (batch < 1) throw new InputException("--batch", "a positive batch size expected, got " + batch);
        if (resize != null && resize < 1) throw new InputException("--resize", "a positive size expected, got " + resize);
    }

    /** Adds {@code batch} and, when given, {@code resize} to a command's input settings. */
    void addSettings(Map<String, Object> settings) {
        settings.put("batch", batch);
        if (resize != null) settings.put("resize", resize);
    }
}
