package io.genaudit.audits.coverage;

import io.genaudit.values.Interval;

/**
 * Repeats a {@link CoverageCase} with seeds {@code seed, seed + 1, ...} and counts the intervals that miss the target
 * (and, separately, those below it, to tell a biased interval from a narrow one) and those that leave the range.
 */
public final class CoverageRunner {
    private CoverageRunner() {
    }

    public static CoverageResult run(CoverageCase c, int repetitions, long seed) {
        long t0 = System.nanoTime();
        double target = c.target();
        double[] range = c.range();
        int misses = 0;
        int below = 0;
        int outOfRange = 0;
        double width = 0;
        for (int i = 0; i < repetitions; i++) {
            Interval ci = c.interval(seed + i);
            if (!ci.contains(target)) {
                misses++;
                if (ci.high() < target) below++;
            }
            if (ci.low() < range[0] || ci.high() > range[1]) outOfRange++;
            width += ci.high() - ci.low();
        }
        return new CoverageResult(c.name(), c.method(), target, c.targetSource(), repetitions, misses, below, outOfRange,
                width / repetitions, (System.nanoTime() - t0) / 1e9, c.contrast());
    }
}
