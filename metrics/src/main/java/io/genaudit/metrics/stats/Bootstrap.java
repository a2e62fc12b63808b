package io.genaudit.metrics.stats;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * Percentile bootstrap over the indices of a sample: the statistic is recomputed on resamples (with replacement) of
 * the row indices {@code 0..n-1}. Seeded and parallel yet deterministic: resample b always uses the stream split b
 * from the seed, whatever the thread schedule.
 */
public final class Bootstrap {
    private final int resamples;
    private final long seed;

    public Bootstrap(int resamples, long seed) {
        if (resamples < 10) throw new IllegalArgumentException("at least 10 bootstrap resamples, got " + resamples);
        this.resamples = resamples;
        this.seed = seed;
    }

    public int resamples() {
        return resamples;
    }

    /** The statistic on every resample of {@code n} indices (in resample order). */
    public double[] replicates(int n, ToDoubleFunction<int[]> statistic) {
        long[] seeds = new long[resamples];
        SplittableRandom root = new SplittableRandom(seed);
        for (int b = 0; b < resamples; b++) seeds[b] = root.nextLong();
        return IntStream.range(0, resamples).parallel().mapToDouble(b -> {
            SplittableRandom r = new SplittableRandom(seeds[b]);
            int[] idx = new int[n];
            for (int i = 0; i < n; i++) idx[i] = r.nextInt(n);
            return statistic.applyAsDouble(idx);
        }).toArray();
    }

    /** Percentile interval of the statistic at {@code level} (e.g. 0.95). */
    public ConfidenceInterval percentileInterval(int n, ToDoubleFunction<int[]> statistic, double level) {
        double[] reps = replicates(n, statistic);
        return percentiles(reps, level, "percentile bootstrap, " + resamples + " resamples");
    }

    /** Percentile interval from given replicates (NaN replicates are dropped). */
    public static ConfidenceInterval percentiles(double[] replicates, double level, String method) {
        double[] s = Arrays.stream(replicates).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (s.length == 0) return new ConfidenceInterval(level, Double.NaN, Double.NaN, method);
        double a = (1 - level) / 2;
        return new ConfidenceInterval(level, quantile(s, a), quantile(s, 1 - a), method);
    }

    /** Linear-interpolated quantile of sorted values (numpy's default "linear" method). */
    public static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
