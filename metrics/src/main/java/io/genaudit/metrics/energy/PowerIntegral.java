package io.genaudit.metrics.energy;

/**
 * Energy from power samples: the integral over a window of the piecewise-linear curve through the samples (the
 * trapezoid rule, with the curve interpolated at the window's ends), held constant before the first sample and after
 * the last one so that the whole window is covered.
 */
public final class PowerIntegral {
    private PowerIntegral() {
    }

    /**
     * Joules over {@code [start, end]} (seconds) from samples of {@code watts} at {@code times} (seconds, ascending).
     * Zero when the window is empty or there is no sample.
     */
    public static double joules(double[] times, double[] watts, double start, double end) {
        if (times.length != watts.length) throw new IllegalArgumentException("times and watts differ in length");
        if (!(end > start) || times.length == 0) return 0;
        double total = 0;
        double x = start, fx = valueAt(times, watts, start);
        for (int i = 0; i < times.length; i++) {
            if (times[i] <= start) continue;
            if (times[i] >= end) break;
            total += (fx + watts[i]) / 2 * (times[i] - x);
            x = times[i];
            fx = watts[i];
        }
        total += (fx + valueAt(times, watts, end)) / 2 * (end - x);
        return total;
    }

    /** The piecewise-linear curve at {@code t}, constant beyond the first and last samples. */
    static double valueAt(double[] times, double[] watts, double t) {
        int n = times.length;
        if (t <= times[0]) return watts[0];
        if (t >= times[n - 1]) return watts[n - 1];
        int hi = 1;
        while (times[hi] < t) hi++;
        int lo = hi - 1;
        double span = times[hi] - times[lo];
        if (span <= 0) return watts[hi];
        return watts[lo] + (watts[hi] - watts[lo]) * (t - times[lo]) / span;
    }
}
