package io.genaudit.metrics.stats;

/**
 * Picks the rows a bootstrap resample drew (row {@code idx[i]} of {@code x} becomes row {@code i}), sharing the row
 * arrays rather than copying them; used by every metric whose interval resamples feature rows.
 */
public final class ResampledRows {
    private ResampledRows() {
    }

    /** The rows {@code x[idx[0]], x[idx[1]], ...} (same arrays, not copies). */
    public static double[][] pick(double[][] x, int[] idx) {
        double[][] out = new double[idx.length][];
        for (int i = 0; i < idx.length; i++) out[i] = x[idx[i]];
        return out;
    }
}
