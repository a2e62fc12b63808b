package io.genaudit.audits.coverage;

import io.genaudit.metrics.fidelity.PrdcIntervals;
import io.genaudit.metrics.fidelity.PrecisionRecallDensityCoverage;
import io.genaudit.values.Interval;

import java.util.SplittableRandom;

/**
 * Coverage of the precision/recall/density/coverage intervals ({@link PrdcIntervals}) on Gaussian features; one case
 * per field. The k-NN measures depend on both sample sizes, so the target is each field's expected value at these
 * sizes (by simulation).
 */
public final class PrdcCoverage implements CoverageCase {
    private static final int K = 5;
    private final GaussianFeatures g;
    private final int n;
    private final int field;
    private MonteCarloTarget target;

    public PrdcCoverage(GaussianFeatures g, int n, int field) {
        this.g = g;
        this.n = n;
        this.field = field;
    }

    @Override
    public String name() {
        return PrdcIntervals.FIELDS[field] + " (k=" + K + "), " + g + ", N=" + n;
    }

    @Override
    public String method() {
        return "half-sampling, " + PrdcIntervals.HALVES + " halves, normal interval on the " + (field == 2 ? "log" : "logit") + " scale";
    }

    @Override
    public double target() {
        if (target == null) {
            PrecisionRecallDensityCoverage prdc = new PrecisionRecallDensityCoverage(K);
            target = MonteCarloTarget.of(1000, 930_000_000L, s -> {
                SplittableRandom r = new SplittableRandom(s);
                return PrdcIntervals.value(prdc.compute(g.real(r, n), g.generated(r, n)), field);
            });
        }
        return target.value();
    }

    @Override
    public String targetSource() {
        return "expected value at N: " + target.describe();
    }

    @Override
    public double[] range() {
        return new double[]{0, field == 2 ? Double.POSITIVE_INFINITY : 1};
    }

    @Override
    public Interval interval(long seed) {
        // the four fields come from one computation; the cases for the other fields reuse it for the same data set
        return COMPUTED.computeIfAbsent(g + "|" + n + "|" + seed, key -> {
            SplittableRandom r = new SplittableRandom(seed);
            double[][] real = g.real(r, n);
            double[][] fake = g.generated(r, n);
            PrecisionRecallDensityCoverage prdc = new PrecisionRecallDensityCoverage(K);
            return PrdcIntervals.of(prdc, prdc.compute(real, fake), real, fake, seed * 31 + 7, 0.95);
        })[field];
    }

    private static final java.util.Map<String, Interval[]> COMPUTED = new java.util.concurrent.ConcurrentHashMap<>();
}
