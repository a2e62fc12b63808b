package io.genaudit.audits.plan;

import io.genaudit.engine.ComputeDevice;
import io.genaudit.audits.AuditModule;
import io.genaudit.audits.AuditSpec;
import io.genaudit.audits.ModelProvider;
import io.genaudit.audits.ModelSpec;
import io.genaudit.audits.Params;
import io.genaudit.audits.registry.Registry;
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
    private static final Set<String> TOP = Set.of("name", "title", "seed", "energy", "device", "execution", "models", "datasets", "audits");
    private static final Set<String> DATASET = Set.of("id", "path", "description");
    private static final Set<String> AUDIT = Set.of("id", "metric", "model", "data", "params", "gate");
    private static final Set<String> GATE = Set.of("max", "min", "on", "baseline", "maxWorsening", "higherIsBetter");

    private final Registry registry;

    public PlanParser(Registry registry) {
        this.registry = registry;
    }

    /** Default largest plan file, in bytes; a larger file is refused before it is read (override: {@value #MAX_BYTES_PROPERTY}). */
    public static final long DEFAULT_MAX_BYTES = 1L << 20;
    /** System property (or, upper-cased with underscores, environment variable GENAUDIT_MAX_PLAN_BYTES) setting the limit. */
    public static final String MAX_BYTES_PROPERTY = "genaudit.maxPlanBytes";
    /** What a plan name (the output folder's name) may look like. */
    static final java.util.regex.Pattern SLUG = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    /** Parses the plan at {@code file}, refusing files over the size limit before reading them. */
    public Plan parse(Path file) {
        Problems problems = new Problems(Map.of());
        Plan plan = parse(file, problems);
        problems.throwIfAny();
        return plan;
    }

    /**
     * Parses the plan at {@code file}, adding its problems to {@code problems} instead of throwing them; returns the
     * entries that parsed (so the preflight can check their paths too), or null when the plan cannot be read at all.
     */
    public Plan parse(Path file, Problems problems) {
        String[] text = {null};
        problems.check(() -> text[0] = read(file));
        if (text[0] == null) return null;
        return parse(file.toString(), file.toAbsolutePath().getParent(), text[0], problems);
    }

    private static String read(Path file) {
        try {
            long size = Files.size(file);
            long max = maxBytes();
            if (size > max) {
                throw new InputException(file, "plan file is " + size + " bytes, over the limit of " + max
                        + " bytes (a plan is a few KB; raise the limit with -D" + MAX_BYTES_PROPERTY + " or GENAUDIT_MAX_PLAN_BYTES)");
            }
            if (Files.isDirectory(file)) throw new InputException(file, "a plan file expected, found a folder");
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InputException(file, "plan file not found");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new InputException(file, "plan file is not UTF-8 text");
        } catch (IOException e) {
            throw new InputException(file, "plan file cannot be read: " + e.getMessage());
        }
    }

    /** The plan size limit: {@value #MAX_BYTES_PROPERTY}, GENAUDIT_MAX_PLAN_BYTES, else {@link #DEFAULT_MAX_BYTES}. */
    static long maxBytes() {
        String v = System.getProperty(MAX_BYTES_PROPERTY, System.getenv("GENAUDIT_MAX_PLAN_BYTES"));
        if (v == null || v.isBlank()) return DEFAULT_MAX_BYTES;
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new InputException(MAX_BYTES_PROPERTY, "a byte count expected, got '" + v + "'");
        }
    }

    /**
     * Parses plan {@code text}; {@code file} names it in errors and {@code baseDir} anchors relative paths. Every
     * model, dataset and audit entry is checked even after an earlier one failed: all problems are reported together.
     */
    public Plan parse(String file, Path baseDir, String text) {
        Problems problems = new Problems(Map.of());
        Plan plan = parse(file, baseDir, text, problems);
        problems.throwIfAny();
        return plan;
    }

    /** Parses plan {@code text}, adding its problems to {@code problems}; null when not even its top level parses. */
    public Plan parse(String file, Path baseDir, String text, Problems problems) {
        Plan[] out = {null};
        problems.check(() -> out[0] = parseTop(file, baseDir, text, problems));
        return out[0];
    }

    private Plan parseTop(String file, Path baseDir, String text, Problems problems) {
        YamlTree.At root = YamlTree.parse(file, text);
        Map<String, Integer> lines = YamlTree.lines(root);
        problems.addLines(lines);
        Map<String, YamlTree.At> top = root.map(TOP, Set.of("name", "audits"));
        String name = top.get("name").string();
        if (!SLUG.matcher(name).matches()) {
            problems.add(top.get("name").error("a plain name of letters, digits, '.', '_' or '-' (at most 100, not starting with '.' or '-') expected,"
                    + " found '" + name + "': it names the output folder, which must stay inside the output root"));
        }
        String title = top.containsKey("title") ? top.get("title").string() : name;
        long[] seed = {0L};
        if (top.containsKey("seed")) problems.check(() -> seed[0] = top.get("seed").integer());
        Map<String, Object> energy = new LinkedHashMap<>();
        ComputeDevice[] device = {null};
        if (top.containsKey("device")) {
            YamlTree.At d = top.get("device");
            problems.check(() -> {
                try {
                    device[0] = ComputeDevice.parse(d.string(), "device");
                } catch (io.genaudit.engine.InputException e) {
                    throw d.error("cpu, cuda or cuda:N expected, got '" + d.string() + "'");
                }
            });
        }
        ExecutionSpec[] execution = {ExecutionSpec.DEFAULT};
        if (top.containsKey("execution")) problems.check(() -> execution[0] = ExecutionSpec.parse(top.get("execution")));
        if (top.containsKey("energy")) {
            problems.check(() -> {
                YamlTree.At e = top.get("energy");
                e.map(null, null);
                @SuppressWarnings("unchecked") Map<String, Object> m = (Map<String, Object>) e.plain();
                energy.putAll(m);
            });
        }

        List<ModelSpec> models = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        if (top.containsKey("models")) {
            problems.check(() -> {
                for (YamlTree.At m : top.get("models").list()) problems.check(() -> models.add(model(m, file, ids)));
            });
        }

        List<DatasetSpec> datasets = new ArrayList<>();
        Set<String> dataIds = new HashSet<>();
        if (top.containsKey("datasets")) {
            problems.check(() -> {
                for (YamlTree.At d : top.get("datasets").list()) {
                    problems.check(() -> {
                        Map<String, YamlTree.At> f = d.map(DATASET, Set.of("id", "path"));
                        String id = newId(f.get("id"), dataIds, "dataset");
                        datasets.add(new DatasetSpec(id, f.get("path").string(), f.containsKey("description") ? f.get("description").string() : null));
                    });
                }
            });
        }

        List<PlannedAudit> audits = new ArrayList<>();
        Set<String> auditIds = new HashSet<>();
        problems.check(() -> {
            List<YamlTree.At> auditNodes = top.get("audits").list();
            if (auditNodes.isEmpty()) throw top.get("audits").error("at least one audit expected");
            for (YamlTree.At a : auditNodes) problems.check(() -> audits.add(audit(a, file, ids, dataIds, auditIds)));
        });
        String sha = Sha256.of(text.getBytes(StandardCharsets.UTF_8));
        return new Plan(file, baseDir, sha, name, title, seed[0], energy, models, datasets, audits, device[0], lines, execution[0]);
    }

    /** The id at {@code node}, added to {@code seen}; one seen before is an error ("duplicate model id 'x'"). */
    private static String newId(YamlTree.At node, Set<String> seen, String what) {
        String id = node.string();
        if (!seen.add(id)) throw node.error("duplicate " + what + " id '" + id + "'");
        return id;
    }

    /** The entry of {@code byName} named at {@code node}; an unknown name is an error listing the known ones. */
    private static <T> T known(YamlTree.At node, Map<String, T> byName, String what) {
        String name = node.string();
        T t = byName.get(name);
        if (t == null) throw node.error("unknown " + what + " '" + name + "'; expected one of " + byName.keySet());
        return t;
    }

    private ModelSpec model(YamlTree.At m, String file, Set<String> ids) {
        Map<String, YamlTree.At> raw = m.map(null, Set.of("id", "type"));
        String id = newId(raw.get("id"), ids, "model");
        String type = raw.get("type").string();
        ModelProvider p = known(raw.get("type"), registry.providers(), "model type");
        Set<String> allowed = new LinkedHashSet<>(p.options(type));
        allowed.add("id");
        allowed.add("type");
        m.map(allowed, null);
        Map<String, Object> opts = new LinkedHashMap<>();
        raw.forEach((k, v) -> {
            if (!k.equals("id") && !k.equals("type")) opts.put(k, v.plain());
        });
        return new ModelSpec(id, type, new Params(opts, m.path(), file), file);
    }

    private PlannedAudit audit(YamlTree.At a, String file, Set<String> ids, Set<String> dataIds, Set<String> auditIds) {
        Map<String, YamlTree.At> f = a.map(AUDIT, Set.of("id", "metric"));
        String id = newId(f.get("id"), auditIds, "audit");
        String metric = f.get("metric").string();
        AuditModule module = known(f.get("metric"), registry.modules(), "metric");
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
        return new PlannedAudit(spec, gate);
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
