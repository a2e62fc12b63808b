package io.genaudit.reports.chart;

import java.util.Arrays;

/**
 * Chooses a histogram's bin count for a sample: the Freedman–Diaconis rule (bin width 2·IQR·n^(-1/3)), falling back
 * to Sturges (⌈log2 n⌉ + 1) when the interquartile range is zero; clamped to [1, {@value #MAX_BINS}] so that a long
 * tail cannot produce thousands of empty bins.
 */
public final class HistogramBins {
    public static final int MAX_BINS = 100;

    private HistogramBins() {
    }

    /** The bin count for the finite values of {@code values} (non-finite values are ignored); 1 for fewer than 2. */
    public static int count(double[] values) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        int n = v.length;
        if (n < 2) return 1;
        double range = v[n - 1] - v[0];
        if (range == 0) return 1;
        double iqr = quantile(v, 0.75) - quantile(v, 0.25);
        long bins;
        if (iqr > 0) {
            double width = 2 * iqr / Math.cbrt(n);
            bins = (long) Math.ceil(range / width);
        } else {
            bins = sturges(n);
        }
        return (int) Math.max(1, Math.min(MAX_BINS, bins));
    }

    /** Sturges' rule: ⌈log2 n⌉ + 1. */
    static long sturges(int n) {
        return (long) Math.ceil(Math.log(n) / Math.log(2)) + 1;
    }

    /** Linear-interpolation quantile of a sorted array (numpy's default, "linear"). */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
