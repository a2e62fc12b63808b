package io.genaudit.audits.coverage;

import io.genaudit.metrics.fidelity.KernelInceptionDistance;
import io.genaudit.metrics.fidelity.KidInterval;

import java.util.SplittableRandom;

/**
 * Coverage of the KID interval ({@link KidInterval}) on Gaussian features. KID is unbiased for the squared MMD, so
 * the target (the population MMD², cubic polynomial kernel) is the mean of many independent KIDs of large sets.
 */
public final class KidCoverage {
    private KidCoverage() {
    }

    /** {@code n} real and {@code n} generated feature rows of {@code g}. */
    public static CoverageCase of(GaussianFeatures g, int n) {
        CaseLabel label = CaseLabel.of("KID, " + g + ", N=" + n, "two-sample grouped jackknife, " + KidInterval.GROUPS + " groups per sample",
                Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        return new CoverageCase(label, () -> {
            KernelInceptionDistance kid = new KernelInceptionDistance(1, 1000, 0);
            return MonteCarloTarget.of(200, 910_000_000L, s -> {
                SplittableRandom r = new SplittableRandom(s);
                return kid.compute(g.real(r, 1000), g.generated(r, 1000)).mean();
            }).as("population MMD² (KID unbiased)", " at N=1000");
        }, seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            double[][] real = g.real(r, n);
            double[][] fake = g.generated(r, n);
            double est = new KernelInceptionDistance(1, n, seed).compute(real, fake).mean();
            return KidInterval.of(real, fake, est, n, seed, seed * 31 + 7, 0.95);
        });
    }
}
