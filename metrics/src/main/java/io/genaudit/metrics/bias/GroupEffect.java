package io.genaudit.metrics.bias;

import io.genaudit.values.Interval;

/**
 * One row of a family of bias tests: a group (bias type, descriptor pair, group contrast), its effect size with a
 * confidence interval, the raw and multiplicity-adjusted p-values and whether the adjusted p-value is at most alpha.
 *
 * @param effect    the effect in the unit named by {@code effectName} (share, log-likelihood difference, rank-biserial...)
 * @param test      the test that produced {@code pValue}
 */
public record GroupEffect(String group, long n, String effectName, double effect, Interval ci,
                          double pValue, double pAdjusted, boolean significant, String test) {

    /** A row before correction (pAdjusted = pValue, not yet flagged). */
    public static GroupEffect uncorrected(String group, long n, String effectName, double effect, Interval ci, double p, String test) {
        return new GroupEffect(group, n, effectName, effect, ci, p, p, false, test);
    }

    public GroupEffect corrected(double adjusted, double alpha) {
        return new GroupEffect(group, n, effectName, effect, ci, pValue, adjusted, adjusted <= alpha, test);
    }
}
