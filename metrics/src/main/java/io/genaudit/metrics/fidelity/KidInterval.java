package io.genaudit.metrics.fidelity;

import io.genaudit.metrics.stats.GroupedJackknife;
import io.genaudit.metrics.stats.ResampledRows;
import io.genaudit.metrics.stats.Support;
import io.genaudit.values.Interval;

/**
 * The interval of KID: KID is the unbiased estimator of the squared MMD, so unlike FID its interval covers the
 * population quantity directly, whatever the sample size. The spread comes from a two-sample grouped jackknife
 * ({@link GroupedJackknife}, real and generated rows each split into {@value #GROUPS} groups), each jackknife value
 * being one subset of the kept rows as torch-fidelity draws them (the whole set when it is no larger than the subset
 * size; with larger sets the headline averages many subsets and this spread is conservative). A bias-centred
 * bootstrap over-covered (0 misses in 30 at 95 % nominal): a U-statistic on a resample with duplicated rows varies
 * more than on a fresh sample. Shared by the {@code kid} command, the fidelity audit and the coverage harness.
 */
public final class KidInterval {
    /** Jackknife groups per sample. */
    public static final int GROUPS = 20;
    /** What the KID interval covers. */
    public static final String ESTIMAND = "squared MMD between the real and generated feature distributions, kernel (x·y/d + 1)^3 "
            + "(KID is unbiased: no sample-size bias, so this holds at any n)";

    private KidInterval() {
    }

    /** The interval around {@code estimate} (the reported KID) for subsets of {@code subsetSize} drawn with {@code subsetSeed}. */
    public static Interval of(double[][] real, double[][] fake, double estimate, int subsetSize, long subsetSeed, long seed, double level) {
        KernelInceptionDistance one = new KernelInceptionDistance(1, subsetSize, subsetSeed);
        return new GroupedJackknife(GROUPS, seed).interval(real.length, fake.length,
                (ia, ib) -> one.compute(ResampledRows.pick(real, ia), ResampledRows.pick(fake, ib)).mean(), estimate, Support.REAL, level, "rows")
                .withEstimand(ESTIMAND);
    }
}
