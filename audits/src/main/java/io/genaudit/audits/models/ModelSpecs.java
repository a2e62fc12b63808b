package io.genaudit.audits.models;

import io.genaudit.audits.AuditContext;
import io.genaudit.audits.ModelSpec;
import io.genaudit.audits.Params;
import io.genaudit.audits.PlanException;
import io.genaudit.engine.image.ModelSidecar;
import io.genaudit.engine.image.nn.ModelFolder;
import io.genaudit.datasets.BuiltInDatasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reading the parts of a plan's model entry that every model provider needs: plan field names for errors, paths
 * relative to the plan, the model file or folder given by {@code path}, training data ({@code fixture:NAME} or a path)
 * and the {@code train:} section.
 */
final class ModelSpecs {
    private ModelSpecs() {
    }

    /** The plan field of {@code key} in the model entry, for error messages. */
    static String field(ModelSpec spec, String key) {
        return spec.params().prefix() + "." + key;
    }

    /** A path as written in the plan, resolved against the plan's folder when relative. */
    static Path planRelative(ModelSpec spec, String p) {
        Path path = Path.of(p);
        if (path.isAbsolute() || spec.planFile() == null) return path;
        Path plan = Path.of(spec.planFile());
        Path base = Files.isRegularFile(plan) ? plan.toAbsolutePath().getParent() : null;
        return base == null ? path : base.resolve(path);
    }

    /** The existing model file given by {@code path}; a plan error when it is absent. */
    static Path requiredFile(ModelSpec spec) {
        String text = spec.params().stringParam("path", null);
        if (text == null) throw new PlanException(spec.planFile(), field(spec, "path"), "the model file is required for type " + spec.type());
        Path file = planRelative(spec, text);
        if (!Files.isRegularFile(file)) throw new PlanException(spec.planFile(), field(spec, "path"), "no such model file: " + file);
        return file;
    }

    /**
     * The options of a model file's plan entry (all but {@code path}) merged over the genaudit-model.json sidecar beside
     * {@code file}; {@code options} are the keys either may hold.
     */
    static Params withSidecar(ModelSpec spec, Path file, Set<String> options) {
        Map<String, Object> plan = new LinkedHashMap<>(spec.params().values());
        plan.remove("path");
        return new Params(ModelSidecar.merge(plan, file, options), spec.params().prefix(), spec.planFile());
    }

    /** The genaudit model folder (with model.json) given by {@code path}; a plan error when it is not one. */
    static Path modelFolder(ModelSpec spec) {
        Path dir = planRelative(spec, spec.params().stringParam("path", null));
        if (!Files.isRegularFile(dir.resolve(ModelFolder.MODEL_JSON))) {
            throw new PlanException(spec.planFile(), field(spec, "path"), "no genaudit model folder (model.json) at " + dir);
        }
        return dir;
    }

    /**
     * The {@code train:} map as Params, rejecting unknown keys and a {@code path} beside it; null when the plan gives
     * a {@code path} instead (an absent {@code train} means training with defaults).
     */
    @SuppressWarnings("unchecked")
    static Params trainSection(ModelSpec spec, Set<String> allowed) {
        Params p = spec.params();
        boolean hasTrain = p.has("train"), hasPath = p.has("path");
        if (hasTrain && hasPath) {
            throw new PlanException(spec.planFile(), p.prefix(), "either 'train' or 'path' expected for " + spec.type() + ", not both");
        }
        if (hasPath) return null;
        Object raw = p.values().get("train");
        if (raw == null) raw = Map.of();
        if (!(raw instanceof Map<?, ?> m)) throw new PlanException(spec.planFile(), field(spec, "train"), "a map of training settings expected");
        Params t = new Params((Map<String, Object>) m, field(spec, "train"), spec.planFile());
        for (String k : t.values().keySet()) {
            if (!allowed.contains(k)) throw new PlanException(spec.planFile(), t.prefix() + "." + k, "unknown key; expected one of " + allowed);
        }
        return t;
    }

    /** {@code epochs} of a train section, at least 1. */
    static int epochs(ModelSpec spec, Params t, int dflt) {
        int epochs = t.intParam("epochs", dflt);
        if (epochs < 1) throw new PlanException(spec.planFile(), t.prefix() + ".epochs", "an integer >= 1 expected, got " + epochs);
        return epochs;
    }

    /** {@code fixture:NAME[@SEED]} (seed 0 by default, as for plan datasets) or a path relative to the plan. */
    static Path data(ModelSpec spec, String field, String text, AuditContext ctx) throws IOException {
        if (text.startsWith("fixture:")) {
            String name = text.substring("fixture:".length());
            long seed = 0;
            int at = name.indexOf('@');
            if (at >= 0) {
                try {
                    seed = Long.parseLong(name.substring(at + 1));
                } catch (NumberFormatException e) {
                    throw new PlanException(spec.planFile(), field, "fixture seed after '@' must be an integer, got '" + name.substring(at + 1) + "'");
                }
                name = name.substring(0, at);
            }
            if (!BuiltInDatasets.all().containsKey(name)) {
                throw new PlanException(spec.planFile(), field, "unknown fixture '" + name + "'; known: " + BuiltInDatasets.all().keySet());
            }
            return BuiltInDatasets.materialize(name, seed, ctx.cacheDir().resolve("fixtures"));
        }
        Path p = planRelative(spec, text);
        if (!Files.exists(p)) throw new PlanException(spec.planFile(), field, "no such file or folder: " + p);
        return p;
    }
}
