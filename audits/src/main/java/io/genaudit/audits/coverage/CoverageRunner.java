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
        CaseLabel label = c.label();
        CoverageTarget target = c.target().get();
        int misses = 0;
        int below = 0;
        int outOfRange = 0;
        double width = 0;
        for (int i = 0; i < repetitions; i++) {
            Interval ci = c.simulation().apply(seed + i);
            if (!ci.contains(target.value())) {
                misses++;
                if (ci.high() < target.value()) below++;
            }
            if (!label.inRange(ci)) outOfRange++;
            width += ci.high() - ci.low();
        }
        return new CoverageResult(label.name(), label.method(), target.value(), target.source(), repetitions, misses, below, outOfRange,
                width / repetitions, (System.nanoTime() - t0) / 1e9, label.contrast());
    }
}
