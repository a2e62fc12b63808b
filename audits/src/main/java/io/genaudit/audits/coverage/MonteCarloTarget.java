package io.genaudit.audits.coverage;

import java.util.Locale;
import java.util.function.LongToDoubleFunction;

/**
 * A target defined as an expectation at a finite sample size (expected FID at N, expected distinct-n of sets of M
 * texts), computed by averaging the statistic over many independent simulated data sets; its standard error is
 * reported with it and should be small against the interval widths under test.
 */
public record MonteCarloTarget(double value, double standardError, int draws) {

    /** Mean of {@code statistic(seed)} over seeds {@code seed0, seed0 + 1, ...}. */
    public static MonteCarloTarget of(int draws, long seed0, LongToDoubleFunction statistic) {
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < draws; i++) {
            double v = statistic.applyAsDouble(seed0 + i);
            sum += v;
            sumSq += v * v;
        }
        double mean = sum / draws;
        double var = Math.max(0, sumSq / draws - mean * mean) * draws / (draws - 1.0);
        return new MonteCarloTarget(mean, Math.sqrt(var / draws), draws);
    }

    /** This target for a coverage table, its source reading "{@code what}: mean of N simulations, SE s{@code after}". */
    public CoverageTarget as(String what, String after) {
        return new CoverageTarget(value, what + ": " + describe() + after);
    }

    public String describe() {
        return String.format(Locale.ROOT, "mean of %d simulations, SE %.2g", draws, standardError);
    }
}
