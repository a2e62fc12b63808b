package io.genaudit.audits.coverage;

import io.genaudit.metrics.fidelity.FidIntervals;
import io.genaudit.metrics.fidelity.FrechetDistance;
import io.genaudit.metrics.fidelity.GaussianStatistics;

import java.util.SplittableRandom;

/**
 * Coverage of genaudit's FID intervals ({@link FidIntervals}) on Gaussian features: the finite-N interval against the
 * expected FID at N (its estimand, by simulation), the same interval against the population FID (the wrong estimand,
 * shown for contrast), and the FID∞ interval against the analytic population FID.
 */
public final class FidCoverage {
    /** Which interval, against which target. */
    public enum Kind { FINITE_N, FINITE_N_VS_POPULATION, INFINITY }

    private FidCoverage() {
    }

    public static CoverageCase of(Kind kind, GaussianFeatures g, int n, int resamples, int points) {
        String name = switch (kind) {
            case FINITE_N -> "FID, " + g + ", N=" + n;
            case FINITE_N_VS_POPULATION -> "FID interval vs population FID (wrong estimand, for contrast), N=" + n;
            case INFINITY -> "FID∞, " + g + ", N=" + n;
        };
        String method = kind == Kind.INFINITY
                ? "bias-centred bootstrap of FID∞, B=" + resamples + ", " + points + " subset sizes"
                : "bias-centred two-sample bootstrap, B=" + resamples;
        CaseLabel label = new CaseLabel(name, method, 0, Double.POSITIVE_INFINITY, kind == Kind.FINITE_N_VS_POPULATION);
        return new CoverageCase(label, () -> kind != Kind.FINITE_N ? new CoverageTarget(g.populationFid(), "analytic population FID")
                : MonteCarloTarget.of(2000, 900_000_000L, s -> {
                    SplittableRandom r = new SplittableRandom(s);
                    return FrechetDistance.compute(GaussianStatistics.of(g.real(r, n)), GaussianStatistics.of(g.generated(r, n))).value();
                }).as("expected FID at N", ""), seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            double[][] real = g.real(r, n);
            double[][] fake = g.generated(r, n);
            FidIntervals intervals = new FidIntervals(resamples, seed * 31 + 7, 0.95);
            if (kind == Kind.INFINITY) {
                double est = FidIntervals.infinity(real, fake, points, seed * 31 + 7).value();
                return intervals.infinity(real, fake, points, est);
            }
            double est = FrechetDistance.compute(GaussianStatistics.of(real), GaussianStatistics.of(fake)).value();
            return intervals.finite(real, fake, est);
        });
    }
}
