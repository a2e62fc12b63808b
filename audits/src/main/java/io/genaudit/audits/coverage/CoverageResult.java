package io.genaudit.audits.coverage;

import io.genaudit.metrics.stats.WilsonInterval;
import io.genaudit.values.Interval;

import java.util.Locale;

/**
 * Measured coverage of one interval method: misses out of repetitions at the nominal level (split into intervals
 * wholly below and wholly above the target), the Wilson interval of the miss rate, how many intervals left the
 * quantity's range, the mean width, and the verdict against the band
 * [{@value #LOW_BAND}, {@value #HIGH_BAND}] of misses that genaudit accepts at 95 % nominal.
 */
public record CoverageResult(String name, String method, double target, String targetSource, int repetitions, int misses,
                             int missesBelow, int outOfRange, double meanWidth, double seconds, boolean contrast) {
    /** Fewest misses accepted at 95 % nominal (fewer: needlessly wide intervals). */
    public static final double LOW_BAND = 0.03;
    /** Most misses accepted at 95 % nominal. */
    public static final double HIGH_BAND = 0.075;

    public double missRate() {
        return (double) misses / repetitions;
    }

    /** The 95 % Wilson interval of the miss rate. */
    public Interval missRateInterval() {
        return WilsonInterval.of(misses, repetitions, 0.95);
    }

    /** Whether the measured miss rate lies inside the accepted band. */
    public boolean inBand() {
        return missRate() >= LOW_BAND && missRate() <= HIGH_BAND;
    }

    /** Whether the miss rate's own interval excludes the band: a clear defect, not chance (what the test-suite guard checks). */
    public boolean clearlyOutOfBand() {
        Interval w = missRateInterval();
        return w.high() < LOW_BAND || w.low() > HIGH_BAND;
    }

    /** One Markdown table row. */
    public String markdownRow() {
        Interval w = missRateInterval();
        return String.format(Locale.ROOT, "| %s | %s | %.6g (%s) | %d | %.1f%% [%.1f, %.1f] | %d / %d | %d | %.4g | %s | %.0f s |",
                name, method, target, targetSource, repetitions, 100 * missRate(), 100 * w.low(), 100 * w.high(),
                missesBelow, misses - missesBelow, outOfRange, meanWidth, verdict(), seconds);
    }

    /** "ok", "outside band" (point estimate outside, its interval overlapping), "DEFECT" (clearly outside), or "contrast". */
    public String verdict() {
        if (contrast) return "contrast: wrong estimand";
        return inBand() ? "ok" : (clearlyOutOfBand() ? "DEFECT" : "outside band");
    }

    /** The header of {@link #markdownRow()}. */
    public static String markdownHeader() {
        return "| case | method | target (source) | runs | miss rate [95% Wilson] | interval below / above target | out of range | mean width | verdict | time |\n"
                + "|---|---|---|---|---|---|---|---|---|---|";
    }
}
