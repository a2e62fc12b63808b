package io.genaudit.audits.models;

import io.genaudit.audits.AuditContext;
import io.genaudit.audits.LoadedModel;
import io.genaudit.audits.ModelSpec;
import io.genaudit.audits.Params;
import io.genaudit.audits.PlanException;
import io.genaudit.engine.image.FileImageGenerator;
import io.genaudit.engine.image.GeneratorContract;
import io.genaudit.engine.image.OnnxImageGenerator;
import io.genaudit.engine.image.TorchScriptImageGenerator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Loads a {@code torchscript-generator} or {@code onnx-generator}: the file at {@code path} with its contract
 * (latent size and distribution, output range, classes, shape, declared inputs, truncation) from the plan merged
 * over a genaudit-model.json sidecar, checked with a probe batch at load.
 */
final class FileGeneratorLoader {
    /** The options (also the keys of genaudit-model.json). */
    static final Set<String> OPTIONS = Set.of("path", "latentDim", "latentDistribution", "outputRange", "numClasses",
            "channels", "height", "width", "inputs", "truncation");

    private FileGeneratorLoader() {
    }

    static LoadedModel load(ModelSpec spec, AuditContext ctx) {
        Path file = ModelSpecs.requiredFile(spec);
        Params p = ModelSpecs.withSidecar(spec, file, OPTIONS);
        GeneratorContract c = contract(spec, p);
        String sha = ctx.recordFile("model", file);
        FileImageGenerator g = spec.type().equals("onnx-generator") ? OnnxImageGenerator.load(file, c) : TorchScriptImageGenerator.load(file, c);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("file", file.toString());
        info.put("latentDim", c.latentDim());
        info.put("latentDistribution", p.stringParam("latentDistribution", "normal"));
        info.put("outputRange", p.stringParam("outputRange", "[-1,1]"));
        info.put("numClasses", c.numClasses());
        info.put("inputs", g.contract().effectiveInputs().stream().map(i -> i.name().toLowerCase(Locale.ROOT)).toList());
        if (g.contract().effectiveInputs().contains(GeneratorContract.Input.TRUNCATION)) info.put("truncation", c.truncation());
        info.put("imageShape", List.of(g.channels(), g.height(), g.width()));
        return new LoadedModel(spec.id(), spec.type(), g, sha, g.describe(), info, List.of(), List.of(SampleSheet.of(g, ctx.seed())));
    }

    /** The generator contract the options declare; an invalid one is a plan error. */
    private static GeneratorContract contract(ModelSpec spec, Params p) {
        int latent = p.intParam("latentDim", 0);
        if (latent < 1) throw new PlanException(spec.planFile(), ModelSpecs.field(spec, "latentDim"), "an integer >= 1 (the model's latent size) is required");
        String dist = p.choiceParam("latentDistribution", "normal", "normal", "uniform");
        String range = p.choiceParam("outputRange", "[-1,1]", "[-1,1]", "[0,1]", "uint8");
        List<GeneratorContract.Input> inputs = new ArrayList<>();
        for (Object o : p.listParam("inputs", List.of())) {
            GeneratorContract.Input in = GeneratorContract.Input.byName(String.valueOf(o));
            if (in == null) {
                throw new PlanException(spec.planFile(), ModelSpecs.field(spec, "inputs"), "'" + o + "' is not an input genaudit can feed; "
                        + GeneratorContract.Input.known());
            }
            inputs.add(in);
        }
        try {
            return GeneratorContract.of(latent, dist, range).withClasses(p.intParam("numClasses", 0))
                    .withShape(p.intParam("channels", 0), p.intParam("height", 0), p.intParam("width", 0))
                    .withInputs(inputs, (float) p.doubleParam("truncation", 1.0));
        } catch (IllegalArgumentException e) {
            throw new PlanException(spec.planFile(), spec.params().prefix(), e.getMessage());
        }
    }
}
