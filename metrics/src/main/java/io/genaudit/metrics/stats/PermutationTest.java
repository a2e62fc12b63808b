package io.genaudit.metrics.stats;


/**
 * Two-sample permutation test of a difference in means: group labels are shuffled {@code resamples} times and the
 * two-sided p-value is {@code (1 + #{|d*| >= |d|}) / (1 + resamples)} (never 0). Seeded and deterministic in parallel.
 */
public final class PermutationTest {
    private final Replicates plan;

    public PermutationTest(int resamples, long seed) {
        this.plan = Replicates.atLeast(10, "permutations", resamples, seed);
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
        final double grand = total;
        long extreme = plan.countWhere(r -> {
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
        });
        return new TestResult(observed, (1.0 + extreme) / (1.0 + plan.count()), "permutation test of mean difference, " + plan.count() + " permutations");
    }

    static double mean(double[] v) {
        double s = 0;
        for (double d : v) s += d;
        return s / v.length;
    }
}
