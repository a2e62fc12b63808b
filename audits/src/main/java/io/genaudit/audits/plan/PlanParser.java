package io.genaudit.audits.plan;

import io.genaudit.audits.AuditModule;
import io.genaudit.audits.AuditSpec;
import io.genaudit.audits.ModelProvider;
import io.genaudit.audits.ModelSpec;
import io.genaudit.audits.Params;
import io.genaudit.audits.Registry;
import io.genaudit.engine.InputException;
import io.genaudit.engine.io.Sha256;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a plan file strictly: every key must be known (to the plan schema, the named audit module or the model
 * provider), every reference must resolve, every value must have the right type. Errors name the file, the field
 * with its line, and what was expected.
 */
public final class PlanParser {
    private static final Set<String> TOP = Set.of("name", "title", "seed", "energy", "models", "datasets", "audits");
    private static final Set<String> DATASET = Set.of("id", "path", "description");
    private static final Set<String> AUDIT = Set.of("id", "metric", "model", "data", "params", "gate");
    private static final Set<String> GATE = Set.of("max", "min", "on", "baseline", "maxWorsening", "higherIsBetter");

    private final Registry registry;

    public PlanParser(Registry registry) {
        this.registry = registry;
    }

    /** Parses the plan at {@code file}. */
    public Plan parse(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InputException(file, "plan file not found");
        } catch (IOException e) {
            throw new InputException(file, "plan file cannot be read: " + e.getMessage());
        }
        Path base = file.toAbsolutePath().getParent();
        return parse(file.toString(), base, text);
    }

    /** Parses plan {@code text}; {@code file} names it in errors and {@code baseDir} anchors relative paths. */
    public Plan parse(String file, Path baseDir, String text) {
        YamlTree.At root = YamlTree.parse(file, text);
        Map<String, YamlTree.At> top = root.map(TOP, Set.of("name", "audits"));
        String name = top.get("name").string();
        String title = top.containsKey("title") ? top.get("title").string() : name;
        long seed = top.containsKey("seed") ? top.get("seed").integer() : 0L;
        Map<String, Object> energy = Map.of();
        if (top.containsKey("energy")) {
            YamlTree.At e = top.get("energy");
            e.map(null, null);
            @SuppressWarnings("unchecked") Map<String, Object> m = (Map<String, Object>) e.plain();
            energy = m;
        }

        List<ModelSpec> models = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        if (top.containsKey("models")) {
            for (YamlTree.At m : top.get("models").list()) {
                Map<String, YamlTree.At> raw = m.map(null, Set.of("id", "type"));
                String id = raw.get("id").string();
                String type = raw.get("type").string();
                ModelProvider p = registry.providers().get(type);
                if (p == null) {
                    throw raw.get("type").error("unknown model type '" + type + "'; expected one of " + registry.providers().keySet());
                }
                Set<String> allowed = new LinkedHashSet<>(p.options(type));
                allowed.add("id");
                allowed.add("type");
                m.map(allowed, null);
                if (!ids.add(id)) throw raw.get("id").error("duplicate model id '" + id + "'");
                Map<String, Object> opts = new LinkedHashMap<>();
                raw.forEach((k, v) -> {
                    if (!k.equals("id") && !k.equals("type")) opts.put(k, v.plain());
                });
                models.add(new ModelSpec(id, type, new Params(opts, m.path(), file), file));
            }
        }

        List<DatasetSpec> datasets = new ArrayList<>();
        Set<String> dataIds = new HashSet<>();
        if (top.containsKey("datasets")) {
            for (YamlTree.At d : top.get("datasets").list()) {
                Map<String, YamlTree.At> f = d.map(DATASET, Set.of("id", "path"));
                String id = f.get("id").string();
                if (!dataIds.add(id)) throw f.get("id").error("duplicate dataset id '" + id + "'");
                datasets.add(new DatasetSpec(id, f.get("path").string(), f.containsKey("description") ? f.get("description").string() : null));
            }
        }

        List<PlannedAudit> audits = new ArrayList<>();
        Set<String> auditIds = new HashSet<>();
        List<YamlTree.At> auditNodes = top.get("audits").list();
        if (auditNodes.isEmpty()) throw top.get("audits").error("at least one audit expected");
        for (YamlTree.At a : auditNodes) {
            Map<String, YamlTree.At> f = a.map(AUDIT, Set.of("id", "metric"));
            String id = f.get("id").string();
            if (!auditIds.add(id)) throw f.get("id").error("duplicate audit id '" + id + "'");
            String metric = f.get("metric").string();
            AuditModule module = registry.modules().get(metric);
            if (module == null) {
                throw f.get("metric").error("unknown metric '" + metric + "'; expected one of " + registry.modules().keySet());
            }
            List<String> ms = f.containsKey("model") ? f.get("model").strings() : List.of();
            for (String mid : ms) {
                if (!ids.contains(mid)) throw f.get("model").error("no model with id '" + mid + "' in models; known: " + ids);
            }
            List<String> ds = f.containsKey("data") ? f.get("data").strings() : List.of();
            for (String did : ds) {
                if (!dataIds.contains(did)) throw f.get("data").error("no dataset with id '" + did + "' in datasets; known: " + dataIds);
            }
            Map<String, Object> params = new LinkedHashMap<>();
            String paramsPath = a.path() + ".params";
            if (f.containsKey("params")) {
                YamlTree.At p = f.get("params");
                Map<String, YamlTree.At> pm = p.map(module.parameters(), null);
                pm.forEach((k, v) -> params.put(k, v.plain()));
                paramsPath = p.path();
                checkReferences(pm, module.datasetParameters(), dataIds, "dataset", "datasets");
                checkReferences(pm, module.modelParameters(), ids, "model", "models");
            }
            checkSamples(a, f, module, ms, params);
            GateSpec gate = f.containsKey("gate") ? gate(f.get("gate"), module) : null;
            AuditSpec spec = new AuditSpec(id, metric, ms, ds, new Params(params, paramsPath, file), file);
            audits.add(new PlannedAudit(spec, gate));
        }
        String sha = Sha256.of(text.getBytes(StandardCharsets.UTF_8));
        return new Plan(file, baseDir, sha, name, title, seed, energy, models, datasets, audits);
    }

    /** Each parameter in {@code keys} present in {@code pm} must name ids in {@code known}; the error carries its line. */
    private static void checkReferences(Map<String, YamlTree.At> pm, Set<String> keys, Set<String> known, String what, String section) {
        for (String k : keys) {
            YamlTree.At v = pm.get(k);
            if (v == null) continue;
            for (String r : v.strings()) {
                if (!known.contains(r)) throw v.error("no " + what + " with id '" + r + "' in " + section + "; known: " + known);
            }
        }
    }

    /** A module that takes samples as data needs exactly one of {@code model:} and its samples parameter. */
    private static void checkSamples(YamlTree.At audit, Map<String, YamlTree.At> f, AuditModule module, List<String> models,
                                     Map<String, Object> params) {
        List<String> keys = module.samplesParameters();
        if (keys.isEmpty()) return;
        List<String> given = keys.stream().filter(params::containsKey).toList();
        String key = given.isEmpty() ? keys.get(0) : given.get(0);
        if (given.size() > 1) throw audit.error("params." + given.get(0) + " and params." + given.get(1) + " name the same thing; keep one");
        if (!given.isEmpty() && !models.isEmpty()) {
            throw f.get("model").error("give either a generator (model:) or a dataset of its samples (params." + key + "), not both");
        }
        if (given.isEmpty() && models.isEmpty()) {
            throw audit.error("metric '" + module.metric() + "' needs a generator (model:) or a dataset of its samples (params."
                    + key + ": DATASET_ID)");
        }
        if (!given.isEmpty() && params.get(key) instanceof List<?>) {
            throw audit.error("params." + key + " takes one dataset id; declare one audit per sample set");
        }
    }

    private static GateSpec gate(YamlTree.At node, AuditModule module) {
        Map<String, YamlTree.At> g = node.map(GATE, null);
        String field = g.containsKey("on") ? g.get("on").string() : "value";
        if (!field.equals("value") && !module.gateFields().contains(field)) {
            throw g.get("on").error("metric '" + module.metric() + "' cannot be gated on '" + field + "'; expected one of "
                    + new java.util.TreeSet<>(union(module.gateFields())));
        }
        boolean hasMax = g.containsKey("max");
        boolean hasMin = g.containsKey("min");
        boolean hasBase = g.containsKey("baseline");
        int kinds = (hasMax ? 1 : 0) + (hasMin ? 1 : 0) + (hasBase ? 1 : 0);
        if (kinds != 1) throw node.error("exactly one of max, min or baseline expected");
        if (hasBase) {
            if (!g.containsKey("maxWorsening")) throw node.error("a baseline gate needs maxWorsening (e.g. 5%)");
            double margin = percent(g.get("maxWorsening"));
            Boolean hib = g.containsKey("higherIsBetter") ? (Boolean) g.get("higherIsBetter").plain() : null;
            return new GateSpec("non-inferior", margin, field, g.get("baseline").string(), hib);
        }
        if (g.containsKey("maxWorsening") || g.containsKey("higherIsBetter")) {
            throw node.error("maxWorsening and higherIsBetter apply only to a baseline gate");
        }
        return hasMax ? new GateSpec("max", g.get("max").number(), field, null, null)
                : new GateSpec("min", g.get("min").number(), field, null, null);
    }

    private static Set<String> union(Set<String> fields) {
        Set<String> s = new HashSet<>(fields);
        s.add("value");
        return s;
    }

    /** Reads {@code 5%} or {@code 0.05} as 0.05. */
    static double percent(YamlTree.At node) {
        Object v = node.plain();
        if (v instanceof Number n) return n.doubleValue();
        String s = String.valueOf(v).trim();
        if (s.endsWith("%")) {
            try {
                return Double.parseDouble(s.substring(0, s.length() - 1).trim()) / 100.0;
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        throw node.error("a fraction (0.05) or a percentage (5%) expected, found '" + v + "'");
    }
}
