package io.genaudit.audits.cli;

import io.genaudit.audits.registry.Registry;
import io.genaudit.audits.plan.Plan;
import io.genaudit.audits.run.EnergyMeterFactory;
import io.genaudit.audits.run.OutputFolder;
import io.genaudit.audits.run.PlanRunner;
import io.genaudit.audits.run.Preflight;
import io.genaudit.audits.run.RunOptions;
import io.genaudit.audits.run.RunOutcome;
import io.genaudit.audits.run.RunOutputs;

import java.nio.file.Path;

/** What {@code audit} and {@code demo} share: run a parsed plan with the console's progress and write its outputs. */
final class RunCommandSupport {
    private RunCommandSupport() {
    }


    static int runAndWrite(Registry registry, Plan plan, Path out, Long seed, Path cache, Path store) throws Exception {
        DeviceChoice.applyPlan(plan);
        Preflight.check(plan, out, store, cache);
        RunOptions opts = new RunOptions(out, cache, seed, ConsoleProgress.factory(),
                EnergyMeterFactory.forPlan(plan), System.err);
        RunOutcome outcome = new PlanRunner(registry).run(plan, opts);
        return RunOutputs.write(outcome, OutputFolder.local(out), store, System.out).exitCode();
    }
}
