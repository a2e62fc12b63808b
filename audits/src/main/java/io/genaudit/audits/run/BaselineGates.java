package io.genaudit.audits.run;

import io.genaudit.audits.compare.Comparability;
import io.genaudit.audits.compare.DifferenceEstimator;
import io.genaudit.audits.registry.Registry;
import io.genaudit.audits.compare.NonInferiority;
import io.genaudit.audits.plan.GateSpec;
import io.genaudit.audits.plan.Plan;
import io.genaudit.audits.PlanException;
import io.genaudit.engine.InputException;
import io.genaudit.reports.AuditResult;
import io.genaudit.reports.GateOutcome;
import io.genaudit.reports.RunRecord;
import io.genaudit.reports.RunRecordFormatException;
import io.genaudit.reports.RunRecordJson;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Gates against a baseline run ({@code gate: {baseline: run.json, maxWorsening: 5%}}): finds the baseline's result
 * of the same audit, refuses it when it was computed on other data or settings, and applies the non-inferiority test.
 */
final class BaselineGates {
    private BaselineGates() {
    }

    static boolean isBaseline(GateSpec g) {
        return "non-inferior".equals(g.op());
    }

    static GateOutcome evaluate(GateSpec g, AuditResult candidate, Plan plan) {
        Path file = plan.baseDir() == null ? Path.of(g.baseline()) : plan.baseDir().resolve(g.baseline());
        RunRecord base;
        try {
            base = RunRecordJson.read(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new PlanException(plan.file(), "audits." + candidate.id() + ".gate.baseline", "baseline run record not found: " + file);
        } catch (RunRecordFormatException | IOException e) {
            throw new InputException(file, "not a readable genaudit run record: " + e.getMessage());
        }
        List<AuditResult> same = base.audits().stream()
                .filter(r -> r.id().equals(candidate.id()) && r.metric().equals(candidate.metric())).toList();
        if (same.isEmpty()) {
            throw new InputException(file, "has no result of audit '" + candidate.id() + "' (" + candidate.metric() + ") to compare with");
        }
        AuditResult baseline = same.size() == 1 ? same.get(0)
                : same.stream().filter(r -> r.model().equals(candidate.model())).findFirst().orElse(same.get(0));
        List<String> problems = Comparability.problems(baseline, candidate);
        if (!problems.isEmpty()) {
            throw new InputException(file, "baseline of audit '" + candidate.id() + "' is not comparable: " + String.join("; ", problems));
        }
        Boolean hib = g.higherIsBetter() != null ? g.higherIsBetter() : Registry.higherIsBetter(candidate.metric());
        if (hib == null) {
            throw new PlanException(plan.file(), "audits." + candidate.id() + ".gate",
                    "metric '" + candidate.metric() + "' has no known direction; add higherIsBetter: true|false");
        }
        return NonInferiority.evaluate(baseline, candidate, g.threshold(), hib, new DifferenceEstimator(0.95, 2000, plan.seed()));
    }
}
