package io.genaudit.audits.coverage;

import io.genaudit.metrics.fidelity.KernelInceptionDistance;
import io.genaudit.metrics.fidelity.KidInterval;
import io.genaudit.values.Interval;

import java.util.SplittableRandom;

/**
 * Coverage of the KID interval ({@link KidInterval}) on Gaussian features. KID is unbiased for the squared MMD, so
 * the target (the population MMD², cubic polynomial kernel) is the mean of many independent KIDs of large sets.
 */
public final class KidCoverage implements CoverageCase {
    private final GaussianFeatures g;
    private final int n;
    private MonteCarloTarget target;

    public KidCoverage(GaussianFeatures g, int n) {
        this.g = g;
        this.n = n;
    }

    @Override
    public String name() {
        return "KID, " + g + ", N=" + n;
    }

    @Override
    public String method() {
        return "two-sample grouped jackknife, " + KidInterval.GROUPS + " groups per sample";
    }

    @Override
    public double target() {
        if (target == null) {
            KernelInceptionDistance kid = new KernelInceptionDistance(1, 1000, 0);
            target = MonteCarloTarget.of(200, 910_000_000L, s -> {
                SplittableRandom r = new SplittableRandom(s);
                return kid.compute(g.real(r, 1000), g.generated(r, 1000)).mean();
            });
        }
        return target.value();
    }

    @Override
    public String targetSource() {
        return "population MMD² (KID unbiased): " + target.describe() + " at N=1000";
    }

    @Override
    public Interval interval(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] real = g.real(r, n);
        double[][] fake = g.generated(r, n);
        double est = new KernelInceptionDistance(1, n, seed).compute(real, fake).mean();
        return KidInterval.of(real, fake, est, n, seed, seed * 31 + 7, 0.95);
    }
}
