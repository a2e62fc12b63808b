package io.genaudit.metrics.stats;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Two-sample permutation test of a difference in means: group labels are shuffled {@code resamples} times and the
 * two-sided p-value is {@code (1 + #{|d*| >= |d|}) / (1 + resamples)} (never 0). Seeded and deterministic in parallel.
 */
public final class PermutationTest {
    private final int resamples;
    private final long seed;

    public PermutationTest(int resamples, long seed) {
        if (resamples < 10) throw new IllegalArgumentException("at least 10 permutations, got " + resamples);
        this.resamples = resamples;
        this.seed = seed;
    }

    public TestResult meanDifference(double[] x, double[] y) {
        int n1 = x.length, n2 = y.length;
        if (n1 == 0 || n2 == 0) throw new IllegalArgumentException("both samples need values (got " + n1 + ", " + n2 + ")");
        double[] all = new double[n1 + n2];
        System.arraycopy(x, 0, all, 0, n1);
        System.arraycopy(y, 0, all, n1, n2);
        double total = 0;
        for (double v : all) total += v;
        double observed = mean(x) - mean(y);
        double tol = 1e-12 * Math.max(1, Math.abs(observed));
        long[] seeds = new long[resamples];
        SplittableRandom root = new SplittableRandom(seed);
        for (int b = 0; b < resamples; b++) seeds[b] = root.nextLong();
        final double grand = total;
        long extreme = IntStream.range(0, resamples).parallel().filter(b -> {
            SplittableRandom r = new SplittableRandom(seeds[b]);
            double[] a = all.clone();
            double s1 = 0; // partial Fisher-Yates: the first n1 slots form the permuted first group
            for (int i = 0; i < n1; i++) {
                int j = i + r.nextInt(a.length - i);
                double t = a[i];
                a[i] = a[j];
                a[j] = t;
                s1 += a[i];
            }
            double d = s1 / n1 - (grand - s1) / n2;
            return Math.abs(d) >= Math.abs(observed) - tol;
        }).count();
        return new TestResult(observed, (1.0 + extreme) / (1.0 + resamples), "permutation test of mean difference, " + resamples + " permutations");
    }

    static double mean(double[] v) {
        double s = 0;
        for (double d : v) s += d;
        return s / v.length;
    }
}
