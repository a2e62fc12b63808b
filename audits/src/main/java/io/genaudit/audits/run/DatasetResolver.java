package io.genaudit.audits.run;

import io.genaudit.audits.DatasetRef;
import io.genaudit.audits.plan.DatasetSpec;
import io.genaudit.audits.plan.Plan;
import io.genaudit.audits.PlanException;
import io.genaudit.datasets.BuiltInDatasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns a plan's dataset path into a local path: {@code fixture:NAME} (or {@code fixture:NAME@SEED}) is generated
 * into the cache; anything else is a file or folder relative to the plan, which must exist and be readable.
 */
public final class DatasetResolver {
    private final Path cacheDir;

    public DatasetResolver(Path cacheDir) {
        this.cacheDir = cacheDir;
    }

    /** Checks a dataset entry without generating or hashing anything: a known fixture, or an existing readable path. */
    public static void check(Plan plan, DatasetSpec d, int index) {
        String field = "datasets[" + index + "].path";
        String p = d.path();
        if (p.startsWith("fixture:")) {
            fixtureSeed(plan, field, p.substring("fixture:".length()));
            String name = p.substring("fixture:".length()).split("@", 2)[0];
            if (!BuiltInDatasets.isKnown(name)) {
                throw new PlanException(plan.file(), field, "unknown fixture '" + name + "'; known: " + BuiltInDatasets.names());
            }
            return;
        }
        Path path = plan.baseDir() == null ? Path.of(p) : plan.baseDir().resolve(p);
        if (!Files.exists(path)) throw new PlanException(plan.file(), field, "no such file or folder: " + path);
        if (!Files.isReadable(path)) throw new PlanException(plan.file(), field, "cannot be read: " + path);
    }

    private static long fixtureSeed(Plan plan, String field, String spec) {
        int at = spec.indexOf('@');
        if (at < 0) return 0;
        try {
            return Long.parseLong(spec.substring(at + 1));
        } catch (NumberFormatException e) {
            throw new PlanException(plan.file(), field, "fixture seed after '@' must be an integer, got '" + spec.substring(at + 1) + "'");
        }
    }

    public DatasetRef resolve(Plan plan, DatasetSpec d, int index, RunContext ctx) {
        check(plan, d, index);
        String field = "datasets[" + index + "].path";
        String p = d.path();
        Path path;
        String desc = d.description();
        if (p.startsWith("fixture:")) {
            String spec = p.substring("fixture:".length());
            long seed = fixtureSeed(plan, field, spec);
            spec = spec.split("@", 2)[0];
            try {
                path = BuiltInDatasets.materialize(spec, seed, cacheDir.resolve("fixtures"));
            } catch (IOException e) {
                throw new IllegalStateException("cannot write fixture " + spec + " into " + cacheDir, e);
            }
            if (desc == null) desc = "fixture " + spec + " (seed " + seed + "): " + BuiltInDatasets.description(spec);
        } else {
            path = plan.baseDir() == null ? Path.of(p) : plan.baseDir().resolve(p);
            if (desc == null) desc = p;
        }
        String sha = ctx.recordFile("data", path);
        return new DatasetRef(d.id(), path, desc, sha);
    }
}
