package io.genaudit.metrics.stats;

import io.genaudit.values.Interval;

import java.util.Arrays;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Percentile bootstrap over the indices of a sample: the statistic is recomputed on resamples (with replacement) of
 * the row indices {@code 0..n-1}. Seeded and parallel yet deterministic: resample b always uses the stream split b
 * from the seed, whatever the thread schedule.
 */
public final class Bootstrap {
    private final Replicates plan;

    public Bootstrap(int resamples, long seed) {
        this.plan = Replicates.atLeast(10, "bootstrap resamples", resamples, seed);
    }

    public int resamples() {
        return plan.count();
    }

    /** The statistic on every resample of {@code n} indices (in resample order). */
    public double[] replicates(int n, ToDoubleFunction<int[]> statistic) {
        return plan.mapToDouble(r -> statistic.applyAsDouble(Replicates.withReplacement(n, r)));
    }

    /**
     * Several statistics of the same resamples: element b holds the statistics of resample b (the same index draws as
     * {@link #replicates} with this seed).
     */
    public double[][] replicateVectors(int n, Function<int[], double[]> statistics) {
        return plan.mapToVectors(r -> statistics.apply(Replicates.withReplacement(n, r)));
    }

    /** Percentile interval of the statistic at {@code level} (e.g. 0.95). */
    public Interval percentileInterval(int n, ToDoubleFunction<int[]> statistic, double level) {
        double[] reps = replicates(n, statistic);
        return percentiles(reps, level, "percentile bootstrap, " + plan.count() + " resamples");
    }

    /** Percentile interval from given replicates (NaN replicates are dropped). */
    public static Interval percentiles(double[] replicates, double level, String method) {
        double[] s = Arrays.stream(replicates).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (s.length == 0) return new Interval(level, Double.NaN, Double.NaN, method);
        double a = (1 - level) / 2;
        return new Interval(level, quantile(s, a), quantile(s, 1 - a), method);
    }

    /**
     * Percentile interval of the replicates shifted by their mean minus {@code estimate} (NaN replicates dropped), for
     * statistics whose resampled values are shifted by resampling itself (duplicates in a resample), not by the
     * estimator's own bias: the spread comes from the bootstrap, the centre from the estimate. The method text gets
     * the shift appended.
     */
    public static Interval centredPercentiles(double[] replicates, double level, double estimate, String method) {
        double mean = Arrays.stream(replicates).filter(d -> !Double.isNaN(d)).average().orElse(Double.NaN);
        double shift = mean - estimate;
        double[] centred = new double[replicates.length];
        for (int i = 0; i < replicates.length; i++) centred[i] = replicates[i] - shift;
        return percentiles(centred, level, String.format(java.util.Locale.ROOT, "%s (resampling shift %+.4g removed)", method, shift));
    }

    /**
     * Expanded percentile interval (Hesterberg 2015, "What teachers should know about the bootstrap"): the percentile
     * interval at the wider level whose tail probability is Φ(−sqrt(n/(n−1))·t₍n−1₎) instead of (1 − level)/2, which
     * corrects the percentile bootstrap's narrowness with few sampling units (too-narrow intervals by about
     * sqrt((n−1)/n) and z instead of t). For statistics of {@code n} independent units (documents, prompts).
     */
    public static Interval expandedPercentiles(double[] replicates, double level, int n, String method) {
        if (n < 2) return percentiles(replicates, level, method);
        double t = new org.apache.commons.math3.distribution.TDistribution(null, n - 1).inverseCumulativeProbability(1 - (1 - level) / 2);
        double tail = new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1).cumulativeProbability(-Math.sqrt(n / (n - 1.0)) * t);
        Interval wide = percentiles(replicates, 1 - 2 * tail, "expanded " + method);
        return new Interval(level, wide.low(), wide.high(), wide.method());
    }

    /** Linear-interpolated quantile of sorted values (numpy's default "linear" method). */
    public static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
