package io.genaudit.audits.cli;

import io.genaudit.engine.io.AtomicFolder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static io.genaudit.audits.cli.ExitCodes.BAD_INPUT;
import static io.genaudit.audits.cli.ExitCodes.INTERNAL;

/**
 * Generates the hostile-input suite: broken plans, output targets and injected faults here, broken files (features,
 * images, text, models) in {@link HostileFileCases}; each case is built fresh in its own folder (nothing committed but
 * the generators). Plan cases run the test {@code fake} model and {@code echo} metric, so the suite exercises the real
 * CLI, preflight and outputs in seconds.
 */
final class HostileCases {
    /** The model and fixture cache shared by all cases (outside the case folders, whose contents are compared). */
    private final Path cache;
    private final List<HostileCase> cases = new ArrayList<>();

    HostileCases(Path cache) {
        this.cache = cache;
    }

    /** Every case. */
    List<HostileCase> all() {
        plans();
        outputs();
        faults();
        new HostileFileCases(cases).addAll();
        return cases;
    }

    private void add(String category, String name, int code, String fragment, HostileCase.Setup setup) {
        cases.add(new HostileCase(category, name, setup, code, fragment));
    }

    /** A valid plan (fake model, echo metric, a small text dataset) with {@code from} replaced by {@code to}. */
    static final String PLAN = """
            name: hostile
            seed: 1
            models:
              - {id: a, type: fake}
              - {id: b, type: fake}
            datasets:
              - {id: d, path: data.txt}
            audits:
              - id: s
                metric: echo
                model: [a, b]
                data: d
                params: {value: 1}
                gate: {max: 10}
            """;

    private String[] audit(Path dir, String planText, String... extra) throws Exception {
        Files.writeString(dir.resolve("data.txt"), "one line\nanother line\n");
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, planText);
        List<String> args = new ArrayList<>(List.of("audit", plan.toString(), "--cache", cache.toString()));
        if (!List.of(extra).contains("--out")) args.addAll(List.of("--out", dir.resolve("out").toString()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    private void plan(String name, String fragment, String from, String to) {
        add("plans", name, BAD_INPUT, fragment, d -> audit(d, edit(from, to)));
    }

    private static String edit(String from, String to) {
        if (!PLAN.contains(from)) throw new IllegalArgumentException("template lacks '" + from + "'");
        return PLAN.replace(from, to);
    }

    private void plans() {
        add("plans", "plan file missing", BAD_INPUT, "plan file not found", d -> new String[]{"audit", d.resolve("nope.yaml").toString()});
        add("plans", "plan is a folder", BAD_INPUT, "a plan file expected, found a folder", d -> {
            Files.createDirectories(d.resolve("p.yaml"));
            return new String[]{"audit", d.resolve("p.yaml").toString()};
        });
        add("plans", "empty plan", BAD_INPUT, "the plan is empty", d -> audit(d, ""));
        add("plans", "YAML syntax error", BAD_INPUT, "invalid YAML", d -> audit(d, "name: [unclosed\n"));
        add("plans", "not UTF-8", BAD_INPUT, "not UTF-8", d -> {
            String[] a = audit(d, PLAN);
            Files.write(d.resolve("plan.yaml"), new byte[]{'n', 'a', 'm', 'e', ':', ' ', (byte) 0xff, (byte) 0xfe, '\n'});
            return a;
        });
        add("plans", "over the size limit", BAD_INPUT, "over the limit", d -> audit(d, PLAN + "#" + "x".repeat(1 << 20) + "\n"));
        add("plans", "alias bomb", BAD_INPUT, "invalid YAML", d -> {
            StringBuilder b = new StringBuilder("a: &a [x,x,x,x,x,x,x,x,x]\n");
            for (char c = 'b'; c <= 'k'; c++) b.append(c).append(": &").append(c).append(" [*").append((char) (c - 1)).append(",*")
                    .append((char) (c - 1)).append(",*").append((char) (c - 1)).append("]\n");
            return audit(d, b + PLAN);
        });
        plan("unknown top-level key", "unknown key 'sead'", "seed: 1", "sead: 1");
        plan("name missing", "required key 'name'", "name: hostile\n", "");
        plan("name climbs out of the output root", "must stay inside the output root", "name: hostile", "name: ../../escaped");
        plan("name with a slash", "a plain name", "name: hostile", "name: a/b");
        plan("name starting with a dot", "a plain name", "name: hostile", "name: .hidden");
        plan("seed beyond 64 bits", "between -9223372036854775808 and 9223372036854775807", "seed: 1", "seed: 99999999999999999999");
        plan("seed as a float beyond 64 bits", "an integer expected", "seed: 1", "seed: 1.0e30");
        plan("seed not a number", "an integer expected", "seed: 1", "seed: abc");
        plan("seed a fraction", "an integer expected", "seed: 1", "seed: 1.5");
        plan("no audits", "at least one audit", PLAN.substring(PLAN.indexOf("audits:")), "audits: []\n");
        plan("unknown metric", "unknown metric 'ech'", "metric: echo", "metric: ech");
        plan("unknown model reference", "no model with id 'c'", "model: [a, b]", "model: [a, c]");
        plan("unknown dataset reference", "no dataset with id 'e'", "data: d\n", "data: e\n");
        plan("duplicate model id", "duplicate model id 'a'", "{id: b, type: fake}", "{id: a, type: fake}");
        plan("duplicate key", "duplicate", "seed: 1", "seed: 1\nseed: 2");
        plan("unknown model type", "unknown model type 'fak'", "{id: b, type: fake}", "{id: b, type: fak}");
        plan("unknown model option", "unknown key 'pth'", "{id: b, type: fake}", "{id: b, type: fake, pth: x}");
        plan("unknown audit parameter", "unknown key 'valu'", "{value: 1}", "{valu: 1}");
        plan("gate with two bounds", "exactly one of max, min or baseline", "gate: {max: 10}", "gate: {max: 10, min: 1}");
        plan("gate bound NaN", "a finite number expected", "gate: {max: 10}", "gate: {max: .nan}");
        plan("gate on an unknown field", "cannot be gated on 'auc'", "gate: {max: 10}", "gate: {max: 10, on: auc}");
        plan("baseline margin not a percentage", "a fraction (0.05) or a percentage", "gate: {max: 10}", "gate: {baseline: base.json, maxWorsening: five}");
        plan("baseline run missing", "no baseline run record", "gate: {max: 10}", "gate: {baseline: base.json, maxWorsening: 5%}");
        plan("dataset path missing", "no such file or folder", "path: data.txt", "path: missing.txt");
        plan("unknown fixture", "unknown fixture 'nope'", "path: data.txt", "path: \"fixture:nope\"");
        plan("fixture seed not a number", "fixture seed after '@'", "path: data.txt", "path: \"fixture:shapes@x\"");
        plan("model file missing", "no such file or folder", "{id: b, type: fake}", "{id: b, type: fake, path: missing.pt}");
        plan("epochs wrap an int", "between -2147483648 and 2147483647", "{id: b, type: fake}", "{id: b, type: fake, train: {epochs: 4294967297}}");
        plan("audit parameter of the wrong type, found while running, with its line", "audits[0].params.value (line 13)", "{value: 1}", "{value: abc}");
        add("plans", "several problems reported together", BAD_INPUT, "3 problems found before any work was done", d -> audit(d,
                edit("seed: 1", "seed: abc").replace("path: data.txt", "path: missing.txt").replace("{id: b, type: fake}", "{id: b, type: fake, path: gone.pt}")));
        add("plans", "last audit's samples: ten caught before the first audit runs", BAD_INPUT, "audits[1].params.samples (line 18)",
                d -> audit(d, twoAudits("{samples: ten}")));
        add("plans", "last audit's level out of (0,1) caught before the first audit runs", BAD_INPUT, "a level in (0,1) expected",
                d -> audit(d, twoAudits("{level: 1.5}")));
        add("plans", "second model's epochs: \"ten\" fails before the first trains, with its line", BAD_INPUT, "models[1].train.epochs (line 5)",
                d -> audit(d, edit("{id: b, type: fake}", "{id: b, type: fake, train: {epochs: \"ten\"}}")));
    }

    /** The template with a second audit whose parameters are {@code params}, after one that would crash. */
    private static String twoAudits(String params) {
        return edit("{value: 1}", "{value: 1, fail: internal}") + """
                  - id: t
                    metric: echo
                    model: a
                    params: %s
                """.formatted(params);
    }

    private void outputs() {
        add("outputs", "--out is a regular file", BAD_INPUT, "exists and is not a folder", d -> {
            Files.writeString(d.resolve("out"), "a file");
            return audit(d, PLAN);
        });
        add("outputs", "--out inside a regular file", BAD_INPUT, "is not a folder", d -> {
            Files.writeString(d.resolve("file"), "a file");
            return audit(d, PLAN, "--out", d.resolve("file").resolve("sub").toString());
        });
        add("outputs", "--out holds someone else's files", BAD_INPUT, "holds files genaudit did not write", d -> {
            Files.createDirectories(d.resolve("out"));
            Files.writeString(d.resolve("out").resolve("thesis.tex"), "precious");
            return audit(d, PLAN);
        });
        add("outputs", "--out is read-only", BAD_INPUT, "is read-only", d -> {
            Path out = d.resolve("out");
            Files.createDirectories(out);
            Files.writeString(out.resolve(AtomicFolder.MARKER), "");
            Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("r-xr-xr-x"));
            return audit(d, PLAN);
        });
        add("outputs", "--store is a regular file", BAD_INPUT, "--store", d -> {
            Files.writeString(d.resolve("store"), "a file");
            return audit(d, PLAN, "--store", d.resolve("store").toString());
        });
        add("outputs", "bad plan and bad --out reported together", BAD_INPUT, "2 problems", d -> {
            Files.writeString(d.resolve("out"), "a file");
            return audit(d, edit("metric: echo", "metric: ech"));
        });
        add("outputs", "--json names a folder", BAD_INPUT, "names a folder; a file path expected", d -> {
            Files.createDirectories(d.resolve("j"));
            return HostileFileCases.fid(d, "--json", d.resolve("j").toString());
        });
        add("outputs", "--save-stats names a folder", BAD_INPUT, "names a folder", d -> {
            Files.createDirectories(d.resolve("s.npz"));
            return HostileFileCases.fid(d, "--save-stats", d.resolve("s.npz").toString());
        });
        add("outputs", "history on a missing store", BAD_INPUT, "no run store here", d -> new String[]{"history", "echo", "--store", d.resolve("none").toString()});
        add("outputs", "compare --out is a regular file", BAD_INPUT, "exists and is not a folder", d -> {
            Files.writeString(d.resolve("out"), "a file");
            return new String[]{"compare", d.resolve("a.json").toString(), d.resolve("b.json").toString(), "--out", d.resolve("out").toString()};
        });
        add("outputs", "compare of a run record that is not one", BAD_INPUT, "not a genaudit run record", d -> {
            Files.writeString(d.resolve("a.json"), "{\"hello\": 1}");
            return new String[]{"compare", d.resolve("a.json").toString(), d.resolve("a.json").toString(), "--out", d.resolve("out").toString()};
        });
    }

    private void faults() {
        add("faults", "a bug inside an audit: exit 3, no stack trace", INTERNAL, "internal error (a bug in genaudit",
                d -> audit(d, edit("{value: 1}", "{value: 1, fail: internal}")));
        add("faults", "out of memory: exit 3 with advice", INTERNAL, "-Xmx", d -> audit(d, edit("{value: 1}", "{value: 1, fail: oom}")));
        add("faults", "an input error found late", BAD_INPUT, "injected late input error", d -> audit(d, edit("{value: 1}", "{value: 1, fail: input}")));
        add("faults", "late failure keeps the previous output folder", BAD_INPUT, "injected late input error", d -> {
            Path out = Files.createDirectories(d.resolve("out"));
            Files.writeString(out.resolve("run.json"), "{\"previous\": true}");
            Files.writeString(out.resolve(AtomicFolder.MARKER), "");
            return audit(d, edit("{value: 1}", "{value: 1, fail: input}"));
        });
        add("faults", "unknown subcommand", BAD_INPUT, "", d -> new String[]{"audti", "plan.yaml"});
        add("faults", "an option value of the wrong type", BAD_INPUT, "", d -> new String[]{"audit", "p.yaml", "--seed", "ten"});
    }
}
