package io.genaudit.audits.compare;

import io.genaudit.reports.AuditResult;
import io.genaudit.reports.GateOutcome;

import java.util.Locale;

/**
 * The baseline gate: the candidate passes only if it is not worse than the baseline by more than a relative margin,
 * judged on the upper confidence bound of its relative worsening (a non-inferiority test), not on the point
 * estimate, so noise neither blocks nor slips a release.
 */
public final class NonInferiority {
    private NonInferiority() {
    }

    /**
     * @param margin         the allowed relative worsening (0.05 = 5%)
     * @param higherIsBetter the metric's direction
     */
    public static GateOutcome evaluate(Difference d, double margin, boolean higherIsBetter) {
        double base = d.valueA();
        // worsening expressed so that positive = worse, relative to the baseline
        double sign = higherIsBetter ? -1 : 1;
        double w = sign * d.difference() / Math.abs(base);
        double lo = sign * (higherIsBetter ? d.ci().high() : d.ci().low()) / Math.abs(base);
        double hi = sign * (higherIsBetter ? d.ci().low() : d.ci().high()) / Math.abs(base);
        String pct = "%.2f%%";
        if (Double.isNaN(hi)) {
            return new GateOutcome("non-inferior", margin, "value", false, String.format(Locale.ROOT,
                    "%s of %s vs baseline %s: relative worsening " + pct + " but no interval, so non-inferiority cannot be shown: FAIL.",
                    d.metric(), d.modelB(), d.modelA(), 100 * w));
        }
        boolean passed = hi <= margin;
        String s = String.format(Locale.ROOT,
                "%s of %s is %s vs baseline %s (%s): relative worsening " + pct + ", %.0f%% CI " + pct + " to " + pct
                        + "; the upper bound %s the allowed " + pct + " (%s): %s.",
                d.metric(), d.modelB(), fmt(d.valueB()), d.modelA(), fmt(d.valueA()), 100 * w, 100 * d.ci().level(),
                100 * lo, 100 * hi, passed ? "is within" : "exceeds", 100 * margin, d.method(), passed ? "PASS" : "FAIL");
        return new GateOutcome("non-inferior", margin, "value", passed, s);
    }

    /** Convenience: the gate verdict for a candidate result against a baseline result. */
    public static GateOutcome evaluate(AuditResult baseline, AuditResult candidate, double margin, boolean higherIsBetter,
                                       DifferenceEstimator est) {
        return evaluate(est.estimate(baseline, candidate), margin, higherIsBetter);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
