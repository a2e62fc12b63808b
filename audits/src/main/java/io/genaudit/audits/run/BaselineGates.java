package io.genaudit.audits.run;

import io.genaudit.audits.plan.GateSpec;
import io.genaudit.audits.plan.Plan;
import io.genaudit.audits.plan.PlanException;
import io.genaudit.reports.AuditResult;
import io.genaudit.reports.GateOutcome;

/** Gates against a baseline run ({@code gate: {baseline: run.json, maxWorsening: 5%}}); see the comparison module. */
final class BaselineGates {
    private BaselineGates() {
    }

    static boolean isBaseline(GateSpec g) {
        return "non-inferior".equals(g.op());
    }

    static GateOutcome evaluate(GateSpec g, AuditResult r, Plan plan) {
        throw new PlanException(plan.file(), "gate.baseline", "baseline gates are not available in this build");
    }
}
