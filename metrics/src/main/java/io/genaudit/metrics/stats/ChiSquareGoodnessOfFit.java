package io.genaudit.metrics.stats;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * Pearson's chi-square goodness-of-fit test of observed counts against expected proportions
 * ({@code scipy.stats.chisquare} with expected = n * proportions), df = categories - 1.
 */
public final class ChiSquareGoodnessOfFit {
    private ChiSquareGoodnessOfFit() {
    }

    public static TestResult test(double[] observedCounts, double[] expectedProportions) {
        int k = observedCounts.length;
        if (k < 2 || expectedProportions.length != k) throw new IllegalArgumentException("need >= 2 categories and matching lengths (" + k + " vs " + expectedProportions.length + ")");
        double n = 0, psum = 0;
        for (double o : observedCounts) n += o;
        for (double p : expectedProportions) psum += p;
        double stat = 0;
        for (int i = 0; i < k; i++) {
            double e = n * expectedProportions[i] / psum;
            if (e <= 0) throw new IllegalArgumentException("expected proportion of category " + i + " is 0");
            stat += (observedCounts[i] - e) * (observedCounts[i] - e) / e;
        }
        double p = 1 - new ChiSquaredDistribution(null, k - 1).cumulativeProbability(stat);
        return new TestResult(stat, Math.max(0, p), "chi-square goodness of fit, df=" + (k - 1) + ", n=" + (long) n);
    }
}
