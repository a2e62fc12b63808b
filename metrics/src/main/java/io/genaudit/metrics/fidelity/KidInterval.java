package io.genaudit.metrics.fidelity;

import io.genaudit.metrics.stats.ResampledRows;
import io.genaudit.reports.Interval;

/**
 * The interval of KID: a bias-centred two-sample percentile bootstrap in which every resample draws one subset (as
 * torch-fidelity's subsets), centred on the reported KID. KID is the unbiased estimator of the squared MMD, so unlike
 * FID its interval covers the population quantity directly, whatever the sample size. Shared by the {@code kid}
 * command, the fidelity audit and the coverage harness.
 */
public final class KidInterval {
    /** What the KID interval covers. */
    public static final String ESTIMAND = "squared MMD between the real and generated feature distributions, kernel (x·y/d + 1)^3 "
            + "(KID is unbiased: no sample-size bias, so this holds at any n)";

    private KidInterval() {
    }

    /** The interval around {@code estimate} (the reported KID) for subsets of {@code subsetSize} drawn with {@code subsetSeed}. */
    public static Interval of(double[][] real, double[][] fake, double estimate, int subsetSize, long subsetSeed,
                              int resamples, long seed, double level) {
        KernelInceptionDistance one = new KernelInceptionDistance(1, subsetSize, subsetSeed);
        Interval c = new TwoSampleBootstrap(resamples, seed).centredInterval(real.length, fake.length,
                (ia, ib) -> one.compute(ResampledRows.pick(real, ia), ResampledRows.pick(fake, ib)).mean(), level, estimate);
        return c.withMethod(c.method() + ", one subset of " + subsetSize + " per resample").withEstimand(ESTIMAND);
    }
}
