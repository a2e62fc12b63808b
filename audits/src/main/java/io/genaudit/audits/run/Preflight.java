package io.genaudit.audits.run;

import io.genaudit.audits.ModelSpec;
import io.genaudit.audits.plan.Plan;
import io.genaudit.audits.PlanException;
import io.genaudit.audits.plan.PlannedAudit;
import io.genaudit.audits.plan.Problems;
import io.genaudit.engine.InputException;
import io.genaudit.engine.io.AtomicFolder;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks everything a run will need before any training or evaluation: dataset paths, model options and files,
 * the audit parameters modules share, baseline runs of gates, and the output targets (output folder, run store, cache). All problems are reported
 * together ({@link Problems}), each naming its file, field and line. Model files are then loaded and contract-checked
 * before any model trains ({@link PlanRunner}).
 */
public final class Preflight {
    private Preflight() {
    }

    /**
     * Throws an {@link InputException} listing every problem of {@code plan} run with {@code outputDir},
     * {@code store} (null: none) and {@code cacheDir}; returns normally when there is none.
     */
    public static void check(Plan plan, Path outputDir, Path store, Path cacheDir) {
        Problems problems = new Problems(plan.lines());
        collect(plan, outputDir, store, cacheDir, problems);
        problems.throwIfAny();
    }

    /** Adds every problem of {@code plan} and the output targets to {@code problems} (a plan's parse problems may be there already). */
    public static void collect(Plan plan, Path outputDir, Path store, Path cacheDir, Problems problems) {
        problems.addLines(plan.lines());
        for (int i = 0; i < plan.datasets().size(); i++) {
            int index = i;
            problems.check(() -> DatasetResolver.check(plan, plan.datasets().get(index), index));
        }
        for (ModelSpec m : plan.models()) ModelOptionsCheck.check(m, plan.baseDir(), problems);
        for (PlannedAudit a : plan.audits()) AuditParamsCheck.check(a, problems);
        baselineProblems(plan, problems);
        outputProblems(outputDir, store, cacheDir, problems);
    }

    /** Every baseline gate's run record (resolved against the plan's folder) must exist. */
    public static void baselineProblems(Plan plan, Problems problems) {
        for (int i = 0; i < plan.audits().size(); i++) {
            PlannedAudit a = plan.audits().get(i);
            if (a.gate() == null || a.gate().baseline() == null) continue;
            Path base = plan.baseDir() == null ? Path.of(a.gate().baseline()) : plan.baseDir().resolve(a.gate().baseline());
            if (!Files.isRegularFile(base)) {
                problems.add(new PlanException(plan.file(), "audits[" + i + "].gate.baseline", "no baseline run record at " + base));
            }
        }
    }

    /** The output folder (replaced as a whole), the run store and the cache must be usable folders. */
    public static void outputProblems(Path outputDir, Path store, Path cacheDir, Problems problems) {
        if (outputDir != null) {
            String why = AtomicFolder.problem(outputDir);
            if (why != null) problems.add(new InputException("--out " + outputDir, why));
        }
        if (store != null) folderTarget("--store " + store, store, problems);
        if (cacheDir != null) folderTarget("--cache " + cacheDir, cacheDir, problems);
    }

    private static void folderTarget(String what, Path dir, Problems problems) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) problems.add(new InputException(what, "exists and is not a folder"));
        else if (Files.isDirectory(dir) && !Files.isWritable(dir)) problems.add(new InputException(what, "is not writable"));
    }
}
