package io.genaudit.metrics.fidelity;

import io.genaudit.metrics.stats.Bootstrap;
import io.genaudit.values.Interval;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

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

    private final int resamples;
    private final long seed;

    public TwoSampleBootstrap(int resamples, long seed) {
        if (resamples < 10) throw new IllegalArgumentException("at least 10 bootstrap resamples, got " + resamples);
        this.resamples = resamples;
        this.seed = seed;
    }

    public int resamples() {
        return resamples;
    }

    /** The statistic on each replicate, in replicate order. */
    public double[] replicates(int nReal, int nFake, Statistic statistic) {
        long[] seeds = new long[resamples];
        SplittableRandom root = new SplittableRandom(seed);
        for (int b = 0; b < resamples; b++) seeds[b] = root.nextLong();
        return IntStream.range(0, resamples).parallel().mapToDouble(b -> {
            SplittableRandom r = new SplittableRandom(seeds[b]);
            int[] a = new int[nReal];
            for (int i = 0; i < nReal; i++) a[i] = r.nextInt(nReal);
            int[] f = new int[nFake];
            for (int i = 0; i < nFake; i++) f[i] = r.nextInt(nFake);
            return statistic.apply(a, f);
        }).toArray();
    }

    /**
     * Bias-centred percentile interval at {@code level}: percentiles of {@code replicate - (mean(replicates) - estimate)},
     * i.e. the spread of the resampling distribution placed around the estimate. The removed shift is reported in the
     * method text.
     */
    public Interval centredInterval(int nReal, int nFake, Statistic statistic, double level, double estimate) {
        return Bootstrap.centredPercentiles(replicates(nReal, nFake, statistic), level, estimate,
                "bias-centred percentile bootstrap, real and fake rows resampled independently, " + resamples + " resamples");
    }

    /** Percentile interval at {@code level}. */
    public Interval interval(int nReal, int nFake, Statistic statistic, double level) {
        return Bootstrap.percentiles(replicates(nReal, nFake, statistic), level,
                "percentile bootstrap, real and fake rows resampled independently, " + resamples + " resamples");
    }
}
