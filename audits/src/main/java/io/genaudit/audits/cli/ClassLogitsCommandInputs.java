package io.genaudit.audits.cli;

import io.genaudit.audits.metric.InputFeed;
import io.genaudit.audits.modules.DescribedFeed;
import io.genaudit.metrics.fidelity.ClassLogitsBatch;
import io.genaudit.metrics.fidelity.FeatureBatches;
import io.genaudit.metrics.fidelity.FeatureSet;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line inputs of the metrics that score generated samples through a classifier ({@code inception-score}):
 * {@code --fake} (an image folder run through {@code --classifier}, or {@code .npy} logits [N, C] computed elsewhere) and
 * the {@link ImageNetworkOptions}.
 */
public final class ClassLogitsCommandInputs implements CommandInputs<ClassLogitsBatch> {
    @Option(names = "--fake", paramLabel = "B", required = true, description = "Generated set: image folder, or .npy class logits [N, C].")
    Path fake;

    @Option(names = "--classifier", paramLabel = "SPEC",
            description = "Classifier for image folders: torchscript:PATH or onnx:PATH (images [B,3,H,W] in [0,1] -> class logits [B,C]).")
    String classifier;

    @Mixin
    ImageNetworkOptions network;

    @Override
    public InputFeed<ClassLogitsBatch> open() {
        FeatureSet logits = network.load(fake, () -> CliModels.openImageNetwork(classifier, fake, "--classifier",
                "a classifier", "precomputed .npy logits [N, C]"), true);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("fake", logits.description());
        if (classifier != null) settings.put("classifier", classifier);
        network.addSettings(settings);
        return DescribedFeed.of(fake.toString(), "", settings, List.of(), sink -> FeatureBatches.sendLogits(logits, "the Inception Score", sink));
    }
}
