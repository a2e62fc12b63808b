package io.genaudit.metrics.stats;

import io.genaudit.values.Interval;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Wilson score interval for a binomial proportion (statsmodels {@code proportion_confint(method="wilson")}): keeps its
 * coverage near the nominal level for small n and proportions near 0 or 1, where the Wald interval fails.
 */
public final class WilsonInterval {
    private WilsonInterval() {
    }

    /** The interval for {@code successes} out of {@code n} trials at {@code level} (e.g. 0.95). */
    public static Interval of(long successes, long n, double level) {
        if (n <= 0) throw new IllegalArgumentException("n must be positive, got " + n);
        if (successes < 0 || successes > n) throw new IllegalArgumentException("successes " + successes + " not in [0," + n + "]");
        if (!(level > 0 && level < 1)) throw new IllegalArgumentException("level must be in (0,1), got " + level);
        double z = normalQuantile(1 - (1 - level) / 2);
        double p = (double) successes / n;
        double z2 = z * z;
        double denom = 1 + z2 / n;
        double center = (p + z2 / (2.0 * n)) / denom;
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denom;
        return new Interval(level, Math.max(0, center - half), Math.min(1, center + half), "Wilson score interval, n=" + n);
    }

    static double normalQuantile(double q) {
        return new NormalDistribution(null, 0, 1).inverseCumulativeProbability(q);
    }
}
