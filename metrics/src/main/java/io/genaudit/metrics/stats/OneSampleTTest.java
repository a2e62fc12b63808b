package io.genaudit.metrics.stats;

import io.genaudit.values.Interval;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Student's one-sample t-test of mean = mu0 ({@code scipy.stats.ttest_1samp}); applied to paired differences it is the
 * paired t-test. Also gives the mean's standard error and t-based confidence interval.
 */
public final class OneSampleTTest {
    /** Mean, standard error, t, degrees of freedom, p-value and the t interval of the mean. */
    public record Result(double mean, double standardError, double t, int df, double pValue, Interval ci) {
        public TestResult test() {
            return new TestResult(t, pValue, "one-sample t-test, df=" + df);
        }

        /**
         * p-value of the minimum-effect test H0: |mean| <= margin against |mean| > margin: 2 P(T_df > (|mean| - margin) / SE),
         * capped at 1 (1 when the mean lies inside the margin). It is at most alpha exactly when the (1 - alpha) t interval
         * lies entirely beyond +margin or -margin; margin 0 gives the ordinary two-sided p-value of mean = 0.
         */
        public double pValueBeyond(double margin) {
            if (!(margin >= 0) || Double.isInfinite(margin)) throw new IllegalArgumentException("margin must be finite and >= 0, got " + margin);
            double excess = Math.abs(mean) - margin;
            if (standardError == 0) return excess > 0 ? 0.0 : 1.0;
            return Math.min(1, 2 * new TDistribution(null, df).cumulativeProbability(-excess / standardError));
        }
    }

    private OneSampleTTest() {
    }

    public static Result test(double[] x, double mu0, double level) {
        int n = x.length;
        if (n < 2) throw new IllegalArgumentException("t-test needs at least 2 values, got " + n);
        double mean = 0;
        for (double v : x) mean += v;
        mean /= n;
        double ss = 0;
        for (double v : x) ss += (v - mean) * (v - mean);
        double se = Math.sqrt(ss / (n - 1) / n);
        int df = n - 1;
        TDistribution t = new TDistribution(null, df);
        double q = t.inverseCumulativeProbability(1 - (1 - level) / 2);
        Interval ci = new Interval(level, mean - q * se, mean + q * se, "t interval, n=" + n);
        if (se == 0) {
            double p = mean == mu0 ? 1.0 : 0.0;
            return new Result(mean, 0, mean == mu0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, mean - mu0), df, p, ci);
        }
        double stat = (mean - mu0) / se;
        double p = 2 * t.cumulativeProbability(-Math.abs(stat));
        return new Result(mean, se, stat, df, Math.min(1, p), ci);
    }
}
