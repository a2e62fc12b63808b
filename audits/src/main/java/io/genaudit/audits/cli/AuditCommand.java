package io.genaudit.audits.cli;

import io.genaudit.audits.registry.Registry;
import io.genaudit.audits.execution.EngineRun;
import io.genaudit.audits.execution.ExecutionEngine;
import io.genaudit.audits.execution.ExecutionEngines;
import io.genaudit.audits.plan.ExecutionSpec;
import io.genaudit.audits.plan.Plan;
import io.genaudit.engine.InputException;
import io.genaudit.audits.plan.PlanParser;
import io.genaudit.audits.plan.Problems;
import io.genaudit.audits.run.OutputFolder;
import io.genaudit.audits.run.Preflight;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code genaudit audit PLAN.yaml}: runs a plan and writes report.html, run.json, junit.xml and summary.md. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Run an audit plan. Exit 0: all gates passed; 1: a gate failed; 2: bad input; 3: internal error.")
public final class AuditCommand implements GenauditSubcommand, Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PLAN.yaml", description = "The plan file.")
    Path plan;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: genaudit-out/<plan name>); with "
            + "--engine spark also a Hadoop file system URI (s3a://bucket/runs/x, hdfs:///runs/x).")
    String out;

    @Mixin
    PlanRunOptions run;

    @Option(names = "--engine", paramLabel = "ENGINE", description = "Where the plan runs: local (this JVM) or spark (needs the "
            + "genaudit-spark module on the class path); overrides the plan's execution.engine.")
    String engine;

    @Option(names = "--spark-master", paramLabel = "URL", description = "Spark master (local[N], spark://HOST:7077, yarn, k8s://URL); "
            + "overrides the plan's execution.master; implies --engine spark.")
    String sparkMaster;

    @Option(names = "--partitions", paramLabel = "N", description = "Spark partitions per input table; overrides execution.partitions.")
    Integer partitions;

    @Override
    public Integer call() throws Exception {
        Registry registry = Registry.load();
        Path cacheDir = run.cacheDir();
        Problems problems = new Problems(Map.of());
        Plan p = new PlanParser(registry).parse(plan, problems);
        if (p != null) {
            ExecutionSpec exec = p.execution().overriddenBy(engine, sparkMaster, partitions);
            if (exec.spark()) {
                problems.throwIfAny();
                return onEngine(p, exec, out != null ? out : Path.of("genaudit-out", p.name()).toString());
            }
        }
        boolean remote = out != null && OutputFolder.remoteScheme(out) != null;
        if (remote) {
            problems.add(new InputException("--out " + out, "a " + OutputFolder.remoteScheme(out) + ": URI is written through Hadoop's "
                    + "file systems, which only the Spark engine has; run with --engine spark or give a local folder"));
        }
        Path dir = out != null && !remote ? Path.of(out) : p == null || remote ? null : Path.of("genaudit-out", p.name());
        // everything wrong with the plan, its inputs and the output targets, reported at once
        if (p != null) Preflight.collect(p, dir, run.store, cacheDir, problems);
        else Preflight.outputProblems(dir, run.store, null, problems);
        problems.throwIfAny();
        return run.runAndWrite(registry, p, dir);
    }

    /** Hands the plan to the engine it asks for (found on the class path), with the effective execution settings. */
    private int onEngine(Plan p, ExecutionSpec exec, String dir) throws Exception {
        String where = engine != null || sparkMaster != null || partitions != null ? "--engine" : p.file() + ": field 'execution.engine'"
                + (p.lines().containsKey("execution.engine") ? " (line " + p.lines().get("execution.engine") + ")" : "");
        ExecutionEngine e = ExecutionEngines.require(exec.engine(), where, p.file(), exec.master(), AuditCommand.class.getClassLoader());
        return e.run(new EngineRun(plan, dir, exec, run.seed, run.cache, run.store));
    }
}
