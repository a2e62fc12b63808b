package io.genaudit.audits.models;

import io.genaudit.audits.AuditContext;
import io.genaudit.audits.LoadedModel;
import io.genaudit.audits.ModelSpec;
import io.genaudit.audits.Params;
import io.genaudit.audits.PlanException;
import io.genaudit.engine.image.ExtractorPreprocessing;
import io.genaudit.engine.image.FileFeatureExtractor;
import io.genaudit.engine.image.ImageFeatureExtractor;
import io.genaudit.engine.image.OnnxFeatureExtractor;
import io.genaudit.engine.image.PreprocessedExtractor;
import io.genaudit.engine.image.TorchScriptFeatureExtractor;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads a {@code torchscript-features} or {@code onnx-features} extractor: the file at {@code path}, probed at
 * {@code height x width} (or the declared preprocessing's size), wrapped in its declared preprocessing.
 */
final class FileFeaturesLoader {
    /** The options: the file, the probe size and the declared preprocessing. */
    static final Set<String> OPTIONS;

    static {
        Set<String> s = new HashSet<>(Set.of("path", "height", "width"));
        s.addAll(ExtractorPreprocessing.OPTIONS);
        OPTIONS = Set.copyOf(s);
    }

    private FileFeaturesLoader() {
    }

    static LoadedModel load(ModelSpec spec, AuditContext ctx) {
        Path file = ModelSpecs.requiredFile(spec);
        Params p = ModelSpecs.withSidecar(spec, file, OPTIONS);
        ExtractorPreprocessing pre;
        try {
            pre = ExtractorPreprocessing.fromOptions(p.values());
        } catch (IllegalArgumentException e) {
            throw new PlanException(spec.planFile(), spec.params().prefix(), e.getMessage());
        }
        String sha = ctx.recordFile("model", file);
        boolean onnx = spec.type().equals("onnx-features");
        FileFeatureExtractor net;
        if (p.has("height") || p.has("width") || pre.height() > 0) {
            int h = p.intParam("height", pre.height() > 0 ? pre.height() : 32), w = p.intParam("width", pre.width() > 0 ? pre.width() : h);
            net = onnx ? OnnxFeatureExtractor.load(file, h, w) : TorchScriptFeatureExtractor.load(file, h, w);
        } else {
            net = onnx ? OnnxFeatureExtractor.load(file) : TorchScriptFeatureExtractor.load(file);
        }
        ImageFeatureExtractor fx = pre.isIdentity() ? net : new PreprocessedExtractor(net, pre);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("file", file.toString());
        info.put("dimension", fx.dimension());
        info.put("preprocessing", pre.describe());
        return new LoadedModel(spec.id(), spec.type(), fx, sha, fx.describe(), info, List.of(), List.of());
    }
}
