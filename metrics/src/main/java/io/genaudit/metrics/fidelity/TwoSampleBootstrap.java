package io.genaudit.metrics.fidelity;

import io.genaudit.metrics.stats.Bootstrap;
import io.genaudit.metrics.stats.Replicates;
import io.genaudit.values.Interval;


/**
 * Percentile bootstrap for statistics of two independent samples (real and fake features): every replicate resamples
 * the rows of each set with replacement, independently, and recomputes the statistic. Resampling with replacement
 * duplicates rows, which inflates set-distance statistics such as FID and KID (the resampled sets look less diverse),
 * so {@link #centredInterval} shifts the replicates by their mean minus the estimate before taking percentiles. Follows
 * {@link Bootstrap}'s recipe (replicate b uses the b-th seed split from the root seed, so parallel runs are
 * deterministic) and its percentile interval.
 */
public final class TwoSampleBootstrap {
    /** A statistic of two index resamples. */
    @FunctionalInterface
    public interface Statistic {
        double apply(int[] realIndices, int[] fakeIndices);
    }

    private final Replicates plan;

    public TwoSampleBootstrap(int resamples, long seed) {
        this.plan = Replicates.atLeast(10, "bootstrap resamples", resamples, seed);
    }

    public int resamples() {
        return plan.count();
    }

    /** The statistic on each replicate, in replicate order: real rows resampled first, then fake rows, from one generator. */
    public double[] replicates(int nReal, int nFake, Statistic statistic) {
        return plan.mapToDouble(r -> {
            int[] a = Replicates.withReplacement(nReal, r);
            return statistic.apply(a, Replicates.withReplacement(nFake, r));
        });
    }

    /**
     * Bias-centred percentile interval at {@code level}: percentiles of {@code replicate - (mean(replicates) - estimate)},
     * i.e. the spread of the resampling distribution placed around the estimate. The removed shift is reported in the
     * method text.
     */
    public Interval centredInterval(int nReal, int nFake, Statistic statistic, double level, double estimate) {
        return Bootstrap.centredPercentiles(replicates(nReal, nFake, statistic), level, estimate,
                "bias-centred percentile bootstrap, real and fake rows resampled independently, " + plan.count() + " resamples");
    }

    /** Percentile interval at {@code level}. */
    public Interval interval(int nReal, int nFake, Statistic statistic, double level) {
        return Bootstrap.percentiles(replicates(nReal, nFake, statistic), level,
                "percentile bootstrap, real and fake rows resampled independently, " + plan.count() + " resamples");
    }
}
