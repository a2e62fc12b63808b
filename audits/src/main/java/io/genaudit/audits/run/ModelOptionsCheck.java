package io.genaudit.audits.run;

import io.genaudit.audits.ModelSpec;
import io.genaudit.audits.Params;
import io.genaudit.audits.PlanException;
import io.genaudit.audits.plan.Problems;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * The preflight's check of a plan's model options, before anything is trained or loaded: the options every model
 * provider shares (files, sizes, training settings) must have the right type and range and name existing files, so
 * a typo in the second model's {@code epochs} is reported before the first model trains. Providers check the rest
 * (and again) when they load.
 */
final class ModelOptionsCheck {
    /** Model options that must be positive integers when present. */
    private static final Set<String> POSITIVE_INTS = Set.of("contextLength", "latentDim", "numClasses", "channels", "height", "width");
    /** Training options that must be positive integers when present. */
    private static final Set<String> POSITIVE_TRAIN_INTS = Set.of("epochs", "batchSize", "channels");

    private ModelOptionsCheck() {
    }

    /** Adds every problem of {@code spec}'s options to {@code problems}; relative paths resolve against {@code baseDir}. */
    static void check(ModelSpec spec, Path baseDir, Problems problems) {
        Params p = spec.params();
        for (String k : POSITIVE_INTS) problems.check(() -> positive(p, k));
        problems.check(() -> existing(spec, p, "path", baseDir));
        problems.check(() -> {
            String tok = p.has("tokenizer") ? p.stringParam("tokenizer", null) : null;
            if (tok != null && (tok.contains("/") || tok.endsWith(".json"))) existing(spec, p, "tokenizer", baseDir);
        });
        if (!p.has("train")) return;
        if (!(p.values().get("train") instanceof Map<?, ?> m)) {
            problems.add(new PlanException(spec.planFile(), p.prefix() + ".train", "a map of training settings expected"));
            return;
        }
        @SuppressWarnings("unchecked")
        Params t = new Params((Map<String, Object>) m, p.prefix() + ".train", spec.planFile());
        for (String k : POSITIVE_TRAIN_INTS) problems.check(() -> positive(t, k));
        problems.check(() -> {
            if (t.intParam("maxSteps", 0) < 0) throw new PlanException(spec.planFile(), t.prefix() + ".maxSteps", "0 (no limit) or a positive integer expected");
        });
        problems.check(() -> t.longParam("seed", 0));
        problems.check(() -> {
            if (t.has("lr") && !(t.doubleParam("lr", 0) > 0)) throw new PlanException(spec.planFile(), t.prefix() + ".lr", "a positive learning rate expected");
        });
        problems.check(() -> t.stringParam("size", null));
        problems.check(() -> {
            String data = t.stringParam("data", null);
            if (data != null && !data.startsWith("fixture:")) existing(spec, t, "data", baseDir);
        });
    }

    private static void positive(Params p, String key) {
        if (p.has(key) && p.intParam(key, 1) < 1) {
            throw new PlanException(p.planFile(), p.prefix() + "." + key, "a positive integer expected, got " + p.values().get(key));
        }
    }

    private static void existing(ModelSpec spec, Params p, String key, Path baseDir) {
        String text = p.stringParam(key, null);
        if (text == null || text.startsWith("fixture:")) return; // bundled fixture files are resolved when the model loads
        Path path = baseDir == null ? Path.of(text) : baseDir.resolve(text);
        if (!Files.exists(path)) throw new PlanException(spec.planFile(), p.prefix() + "." + key, "no such file or folder: " + path);
        if (!Files.isReadable(path)) throw new PlanException(spec.planFile(), p.prefix() + "." + key, "cannot be read: " + path);
    }
}
