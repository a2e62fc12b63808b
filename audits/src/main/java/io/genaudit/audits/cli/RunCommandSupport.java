package io.genaudit.audits.cli;

import io.genaudit.audits.registry.Registry;
import io.genaudit.audits.plan.Plan;
import io.genaudit.audits.compare.RunStore;
import io.genaudit.audits.compare.TrendCharts;
import io.genaudit.audits.run.EnergyMeterFactory;
import io.genaudit.audits.run.PlanRunner;
import io.genaudit.audits.run.Preflight;
import io.genaudit.audits.run.RunOptions;
import io.genaudit.audits.run.RunOutcome;

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
        if (store != null) {
            RunStore rs = new RunStore(store);
            outcome = new RunOutcome(TrendCharts.addHistory(outcome.record(), rs), outcome.exitCode());
            RunOutputs.write(outcome, out, System.out);
            Path kept = rs.add(outcome.record(), out.resolve("run.json"));
            System.out.println("genaudit: stored the run as " + kept);
        } else {
            RunOutputs.write(outcome, out, System.out);
        }
        return outcome.exitCode();
    }
}
