package io.genaudit.audits.cli;

import io.genaudit.audits.registry.Registry;
import io.genaudit.audits.plan.Plan;
import io.genaudit.audits.plan.PlanParser;
import io.genaudit.audits.plan.Problems;
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

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: genaudit-out/<plan name>).")
    Path out;

    @Mixin
    PlanRunOptions run;

    @Override
    public Integer call() throws Exception {
        Registry registry = Registry.load();
        Path cacheDir = run.cacheDir();
        Problems problems = new Problems(Map.of());
        Plan p = new PlanParser(registry).parse(plan, problems);
        Path dir = out != null ? out : p == null ? null : Path.of("genaudit-out", p.name());
        // everything wrong with the plan, its inputs and the output targets, reported at once
        if (p != null) Preflight.collect(p, dir, run.store, cacheDir, problems);
        else Preflight.outputProblems(out, run.store, null, problems);
        problems.throwIfAny();
        return run.runAndWrite(registry, p, dir);
    }
}
