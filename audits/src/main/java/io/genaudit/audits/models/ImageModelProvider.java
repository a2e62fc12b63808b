package io.genaudit.audits.models;

import io.genaudit.audits.AuditContext;
import io.genaudit.audits.LoadedModel;
import io.genaudit.audits.ModelProvider;
import io.genaudit.audits.ModelSpec;
import io.genaudit.audits.PlanException;

import java.util.Set;

/**
 * Image models for plans, by type: {@code dcgan} and {@code vae} (built-in architectures trained from
 * {@code train: {data, epochs, size, seed, conditional, channels}} or loaded from {@code path: MODEL_DIR};
 * {@link BuiltInGeneratorLoader}), {@code torchscript-generator} and {@code onnx-generator} (exported files with a
 * declared contract; {@link FileGeneratorLoader}), {@code torchscript-features} and {@code onnx-features}
 * ({@link FileFeaturesLoader}), and {@code shapes-features}, genaudit's shapes CNN ({@link ShapesClassifierLoader}).
 */
public final class ImageModelProvider implements ModelProvider {
    @Override
    public Set<String> types() {
        return Set.of("dcgan", "vae", "torchscript-generator", "onnx-generator", "torchscript-features", "onnx-features",
                "shapes-features");
    }

    @Override
    public Set<String> options(String type) {
        return switch (type) {
            case "dcgan", "vae", "shapes-features" -> Set.of("train", "path");
            case "torchscript-generator", "onnx-generator" -> FileGeneratorLoader.OPTIONS;
            default -> FileFeaturesLoader.OPTIONS;
        };
    }

    @Override
    public LoadedModel load(ModelSpec spec, AuditContext ctx) throws Exception {
        return switch (spec.type()) {
            case "dcgan", "vae" -> BuiltInGeneratorLoader.load(spec, ctx);
            case "torchscript-generator", "onnx-generator" -> FileGeneratorLoader.load(spec, ctx);
            case "torchscript-features", "onnx-features" -> FileFeaturesLoader.load(spec, ctx);
            case "shapes-features" -> ShapesClassifierLoader.load(spec, ctx);
            default -> throw new PlanException(spec.planFile(), spec.params().prefix(), "unknown image model type " + spec.type());
        };
    }
}
