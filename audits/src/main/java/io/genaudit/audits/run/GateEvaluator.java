package io.genaudit.audits.run;

import io.genaudit.audits.plan.GateSpec;
import io.genaudit.audits.plan.Plan;
import io.genaudit.reports.AuditResult;
import io.genaudit.reports.GateOutcome;
import io.genaudit.values.Interval;

import java.util.Locale;

/**
 * Applies a max/min gate to an audit result and explains the verdict in one sentence. The point estimate decides;
 * the sentence also states the interval so a reviewer sees when a verdict is within noise.
 */
public final class GateEvaluator {
    private GateEvaluator() {
    }

    /** The value a gate is checked against: {@code value}, or a numeric entry of {@code details}. */
    public static Double gatedValue(AuditResult r, String field) {
        if (field.equals("value")) return r.value();
        Object v = r.details().get(field);
        return v instanceof Number n ? n.doubleValue() : null;
    }

    /**
     * Applies any gate of {@code plan} to {@code r}: a baseline gate ({@code baseline: run.json, maxWorsening: 5%})
     * through {@link BaselineGates} (the baseline resolved against the plan's folder), a max/min gate here. Both
     * engines gate through this.
     */
    public static GateOutcome evaluate(GateSpec gate, AuditResult r, Plan plan) {
        return BaselineGates.isBaseline(gate) ? BaselineGates.evaluate(gate, r, plan) : evaluate(gate, r);
    }

    public static GateOutcome evaluate(GateSpec gate, AuditResult r) {
        Double v = gatedValue(r, gate.field());
        String what = gate.field().equals("value") ? r.metric() : r.metric() + " " + gate.field();
        if (v == null || v.isNaN()) {
            return new GateOutcome(gate.op(), gate.threshold(), gate.field(), false,
                    what + " was not computed, so the gate cannot pass.");
        }
        boolean passed = gate.op().equals("max") ? v <= gate.threshold() : v >= gate.threshold();
        String rel = gate.op().equals("max") ? (passed ? "at or below" : "above") : (passed ? "at or above" : "below");
        String ci = "";
        Interval in = r.ci();
        if (gate.field().equals("value") && in != null) {
            ci = String.format(Locale.ROOT, " (%.0f%% CI %s to %s)", in.level() * 100, fmt(in.low()), fmt(in.high()));
            boolean straddles = in.low() <= gate.threshold() && in.high() >= gate.threshold();
            if (straddles) ci += "; the interval straddles the threshold, so the verdict is within noise";
        }
        String s = String.format(Locale.ROOT, "%s = %s%s on %s is %s the %s of %s: %s.", what, fmt(v), ci, r.model(), rel,
                gate.op().equals("max") ? "maximum" : "minimum", fmt(gate.threshold()), passed ? "PASS" : "FAIL");
        return new GateOutcome(gate.op(), gate.threshold(), gate.field(), passed, s);
    }

    static String fmt(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return String.format(Locale.ROOT, "%.0f", d);
        return String.format(Locale.ROOT, "%.4g", d);
    }
}
