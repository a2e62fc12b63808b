package io.genaudit.audits.cli;

import io.genaudit.audits.metric.InputFeed;
import io.genaudit.engine.InputException;
import io.genaudit.metrics.fidelity.ClassLogitsBatch;
import io.genaudit.metrics.fidelity.FeatureBatches;
import io.genaudit.metrics.fidelity.FeatureSet;
import io.genaudit.metrics.fidelity.FeatureSetLoader;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Command-line inputs of the metrics that score generated samples through a classifier ({@code inception-score}):
 * {@code --fake} (an image folder run through {@code --classifier}, or {@code .npy} logits [N, C] computed elsewhere).
 */
public final class ClassLogitsCommandInputs implements CommandInputs<ClassLogitsBatch> {
    @Option(names = "--fake", paramLabel = "B", required = true, description = "Generated set: image folder, or .npy class logits [N, C].")
    Path fake;

    @Option(names = "--classifier", paramLabel = "SPEC",
            description = "Classifier for image folders: torchscript:PATH or onnx:PATH (images [B,3,H,W] in [0,1] -> class logits [B,C]).")
    String classifier;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "50", description = "Images per classifier batch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--resize", paramLabel = "N",
            description = "Resize folder images to N x N (bicubic) before classification; default: pass them at their own size.")
    Integer resize;

    @Option(names = "--json", paramLabel = "OUT", description = "Write the result as JSON.")
    Path json;

    @Override
    public Class<ClassLogitsBatch> inputType() {
        return ClassLogitsBatch.class;
    }

    @Override
    public Object options() {
        return this;
    }

    @Override
    public Path json() {
        return json;
    }

    @Override
    public InputFeed<ClassLogitsBatch> open() {
        if (batch < 1) throw new InputException("--batch", "a positive batch size expected, got " + batch);
        if (resize != null && resize < 1) throw new InputException("--resize", "a positive size expected, got " + resize);
        FeatureSet logits = FeatureSetLoader.load(fake, () -> CliModels.openImageNetwork(classifier, fake, "--classifier",
                "a classifier", "precomputed .npy logits [N, C]"), batch, true, ConsoleProgress.factory(), resize == null ? 0 : resize);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("fake", logits.description());
        if (classifier != null) settings.put("classifier", classifier);
        settings.put("batch", batch);
        if (resize != null) settings.put("resize", resize);
        return new InputFeed<>() {
            @Override
            public void feed(Consumer<? super ClassLogitsBatch> sink) {
                FeatureBatches.sendLogits(logits, "the Inception Score", sink);
            }

            @Override
            public String subject() {
                return fake.toString();
            }

            @Override
            public String datasetLabel() {
                return "";
            }

            @Override
            public Map<String, Object> settings() {
                return settings;
            }

            @Override
            public List<String> notes() {
                return List.of();
            }
        };
    }
}
