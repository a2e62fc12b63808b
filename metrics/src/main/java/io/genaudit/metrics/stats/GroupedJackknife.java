package io.genaudit.metrics.stats;

import io.genaudit.values.Interval;
import org.apache.commons.math3.distribution.TDistribution;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * Delete-a-group jackknife intervals for statistics of a whole set (distinct-n, self-BLEU, k-NN precision/recall,
 * KID) whose estimand is their expected value at the observed set size. The estimate is then unbiased for its
 * estimand by definition, so only its spread is needed; the bootstrap gets that spread wrong for such statistics
 * (a resample holds duplicates, which change the statistic itself), while the jackknife variance (rows split into
 * {@code groups} seeded random groups, the statistic recomputed without each group, variance
 * (G−1)/G·Σ(θ₍g₎ − θ̄)²) is, by the Efron–Stein inequality, conservative rather than too small. The interval is
 * estimate ± t·SE on the scale of {@link Support} (logit for shares, log for non-negative values) and mapped back, so
 * it stays inside the statistic's range; two independent samples (real and generated rows) add their variances.
 */
public final class GroupedJackknife {
    private final Replicates plan;

    public GroupedJackknife(int groups, long seed) {
        this.plan = Replicates.atLeast(2, "jackknife groups", groups, seed);
    }

    /** A statistic of the kept rows of two samples. */
    @FunctionalInterface
    public interface TwoSampleStatistic {
        double apply(int[] keptFirst, int[] keptSecond);
    }

    /** The interval of a statistic of one sample of {@code n} rows, given the rows kept. */
    public Interval interval(int n, ToDoubleFunction<int[]> statistic, double estimate, Support support, double level, String unit) {
        return intervals(n, idx -> new double[]{statistic.applyAsDouble(idx)}, new double[]{estimate}, new Support[]{support}, level, unit)[0];
    }

    /**
     * Intervals of several statistics of the same sample computed together ({@code statistics} returns them all for
     * one set of kept rows), e.g. distinct-1..4 and self-BLEU from one pass; NaN estimates get NaN intervals.
     */
    public Interval[] intervals(int n, Function<int[], double[]> statistics, double[] estimates, Support[] supports, double level, String unit) {
        double[][] theta = groupValues(n, plan.seed(), statistics);
        int g = theta.length;
        Interval[] out = new Interval[estimates.length];
        for (int k = 0; k < estimates.length; k++) {
            String method = "grouped jackknife, " + g + " groups of " + unit + describe(supports[k]);
            if (Double.isNaN(estimates[k])) {
                out[k] = new Interval(level, Double.NaN, Double.NaN, method);
                continue;
            }
            double[] t = new double[g];
            for (int j = 0; j < g; j++) t[j] = supports[k].forward(theta[j][k]);
            out[k] = interval(estimates[k], supports[k], level, variance(t), g - 1, method);
        }
        return out;
    }

    /** The interval of a statistic of two independent samples (their jackknife variances added). */
    public Interval interval(int n1, int n2, TwoSampleStatistic statistic, double estimate, Support support, double level, String unit) {
        int[] all1 = Replicates.identity(n1);
        int[] all2 = Replicates.identity(n2);
        double[] ta = column(groupValues(n1, plan.seed(), idx -> new double[]{support.forward(statistic.apply(idx, all2))}));
        double[] tb = column(groupValues(n2, plan.seed() ^ 0x9E3779B97F4A7C15L, idx -> new double[]{support.forward(statistic.apply(all1, idx))}));
        Part a = new Part(variance(ta), ta.length);
        Part b = new Part(variance(tb), tb.length);
        double va = a.variance;
        double vb = b.variance;
        double v = va + vb;
        // Welch-Satterthwaite degrees of freedom of the summed variance
        double df = v == 0 ? a.groups + b.groups - 2 : v * v / (va * va / (a.groups - 1) + vb * vb / (b.groups - 1));
        return interval(estimate, support, level, v, df, "two-sample grouped jackknife, " + a.groups + " + " + b.groups
                + " groups of " + unit + " (each sample's groups deleted in turn, variances added)" + describe(support));
    }

    private static String describe(Support s) {
        return s.scale().isEmpty() ? ", t interval" : ", t interval on the " + s.scale() + " scale";
    }

    private static Interval interval(double estimate, Support support, double level, double variance, double df, String method) {
        double t = new TDistribution(null, Math.max(1, df)).inverseCumulativeProbability(1 - (1 - level) / 2);
        double centre = support.forward(estimate);
        double half = t * Math.sqrt(variance);
        // the estimate itself always lies inside (a value on a bound has no logit/log and was pulled in by Support.EDGE)
        return new Interval(level, Math.min(estimate, support.inverse(centre - half)), Math.max(estimate, support.inverse(centre + half)), method);
    }

    private record Part(double variance, int groups) {
    }

    /** The statistics without each of min(groups, n) seeded random groups of rows: element g holds them without group g. */
    private double[][] groupValues(int n, long groupSeed, Function<int[], double[]> statistics) {
        int g = Math.min(plan.count(), n);
        if (g < 2) throw new IllegalArgumentException("a jackknife needs at least 2 rows, got " + n);
        int[] perm = Replicates.shuffle(Replicates.identity(n), new SplittableRandom(groupSeed));
        return IntStream.range(0, g).parallel().mapToObj(k -> {
            int from = (int) ((long) k * n / g);
            int to = (int) ((long) (k + 1) * n / g);
            int[] kept = new int[n - (to - from)];
            System.arraycopy(perm, 0, kept, 0, from);
            System.arraycopy(perm, to, kept, from, n - to);
            Arrays.sort(kept);
            return statistics.apply(kept);
        }).toArray(double[][]::new);
    }

    private static double[] column(double[][] x) {
        double[] c = new double[x.length];
        for (int i = 0; i < x.length; i++) c[i] = x[i][0];
        return c;
    }

    /** (G−1)/G·Σ(θ₍g₎ − θ̄)². */
    private static double variance(double[] theta) {
        int g = theta.length;
        double mean = Arrays.stream(theta).average().orElse(Double.NaN);
        double ss = 0;
        for (double x : theta) ss += (x - mean) * (x - mean);
        return (g - 1.0) / g * ss;
    }
}
