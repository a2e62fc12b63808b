package io.genaudit.audits.compare;

import io.genaudit.values.Interval;

/**
 * The difference {@code b - a} between two models' values of one audit, with its interval, a two-sided p-value
 * (and the p-value adjusted for the number of comparisons), the method used, and whether it is significant.
 */
public record Difference(String audit, String metric, String modelA, String modelB, double valueA, double valueB,
                         double difference, Interval ci, double pValue, double pAdjusted, String method) {
    public Difference withAdjusted(double p) {
        return new Difference(audit, metric, modelA, modelB, valueA, valueB, difference, ci, pValue, p, method);
    }

    public boolean significant(double alpha) {
        return !Double.isNaN(pAdjusted) && pAdjusted < alpha;
    }
}
