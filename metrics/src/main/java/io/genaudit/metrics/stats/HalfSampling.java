package io.genaudit.metrics.stats;

import io.genaudit.values.Interval;
import org.apache.commons.math3.distribution.NormalDistribution;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Half-sampling intervals (McCarthy 1969) for statistics of a whole set whose estimand is their expected value at the
 * observed size, and which neither the bootstrap nor the jackknife serve: k-NN precision/recall/density/coverage and
 * distinct-n/self-BLEU change when a resample holds duplicated rows (the bootstrap's spread is then wrong), and are
 * not smooth enough for the jackknife (it was 3-8 times too wide in genaudit's coverage runs). Each of
 * {@code repeats} seeded replicates keeps a random half of the rows of every sample, without replacement; for a
 * statistic whose variance falls like 1/n, the variance over half-samples of n equals that at n (finite-population
 * factor 1/2 times the doubled 1/(n/2)). The estimate is unbiased for its estimand, so the interval is
 * estimate ± z·SD built on the scale of {@link Support} (logit for shares, log for non-negative values) by the delta
 * method and mapped back ({@link Support#deltaInterval}); half-sample values on a bound (a recall of 1) are harmless.
 */
public final class HalfSampling {
    private final Replicates plan;

    public HalfSampling(int repeats, long seed) {
        this.plan = Replicates.atLeast(10, "half-samples", repeats, seed);
    }

    /**
     * Intervals of several statistics computed together from the kept rows of each sample ({@code sizes[s]} rows in
     * sample s; {@code statistics} gets one sorted index array per sample); NaN estimates get NaN intervals.
     */
    public Interval[] intervals(int[] sizes, Function<int[][], double[]> statistics, double[] estimates, Support[] supports,
                                double level, String unit) {
        int repeats = plan.count();
        double[][] values = plan.mapToVectors(rng -> {
            int[][] kept = new int[sizes.length][];
            for (int s = 0; s < sizes.length; s++) kept[s] = half(sizes[s], rng);
            return statistics.apply(kept);
        });
        double z = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(1 - (1 - level) / 2);
        Interval[] out = new Interval[estimates.length];
        for (int k = 0; k < estimates.length; k++) {
            String method = "half-sampling, " + repeats + " random halves of the " + unit + " without replacement"
                    + (supports[k].scale().isEmpty() ? "" : ", normal interval on the " + supports[k].scale() + " scale");
            if (Double.isNaN(estimates[k])) {
                out[k] = new Interval(level, Double.NaN, Double.NaN, method);
                continue;
            }
            double[] t = new double[repeats];
            for (int r = 0; r < repeats; r++) t[r] = values[r][k];
            double[] b = supports[k].deltaInterval(estimates[k], standardDeviation(t), z);
            out[k] = new Interval(level, b[0], b[1], method);
        }
        return out;
    }

    /** A sorted random subset of floor(n/2) (at least 2) of the indices 0..n-1. */
    private static int[] half(int n, SplittableRandom r) {
        int m = Math.max(2, n / 2);
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) perm[i] = i;
        for (int i = 0; i < m; i++) {
            int j = i + r.nextInt(n - i);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int[] out = Arrays.copyOf(perm, m);
        Arrays.sort(out);
        return out;
    }

    private static double standardDeviation(double[] x) {
        double[] finite = Arrays.stream(x).filter(Double::isFinite).toArray();
        if (finite.length < 2) return Double.NaN;
        double m = Arrays.stream(finite).average().orElseThrow();
        double ss = 0;
        for (double v : finite) ss += (v - m) * (v - m);
        return Math.sqrt(ss / (finite.length - 1));
    }
}
