package io.genaudit.audits.coverage;

import io.genaudit.metrics.fidelity.PrdcIntervals;
import io.genaudit.metrics.fidelity.PrecisionRecallDensityCoverage;
import io.genaudit.values.Interval;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Coverage of the precision/recall/density/coverage intervals ({@link PrdcIntervals}) on Gaussian features; one case
 * per field. The k-NN measures depend on both sample sizes, so the target is each field's expected value at these
 * sizes (by simulation).
 */
public final class PrdcCoverage {
    private static final int K = 5;
    /** The four fields come from one computation; the cases for the other fields reuse it for the same data set. */
    private static final Map<String, Interval[]> COMPUTED = new ConcurrentHashMap<>();

    private PrdcCoverage() {
    }

    /** Field {@code field} (index into {@link PrdcIntervals#FIELDS}) of {@code n} real and {@code n} generated rows of {@code g}. */
    public static CoverageCase of(GaussianFeatures g, int n, int field) {
        CaseLabel label = CaseLabel.of(PrdcIntervals.FIELDS[field] + " (k=" + K + "), " + g + ", N=" + n, "half-sampling, "
                + PrdcIntervals.HALVES + " halves, normal interval on the " + (field == 2 ? "log" : "logit") + " scale",
                0, field == 2 ? Double.POSITIVE_INFINITY : 1);
        return new CoverageCase(label, () -> {
            PrecisionRecallDensityCoverage prdc = new PrecisionRecallDensityCoverage(K);
            return MonteCarloTarget.of(1000, 930_000_000L, s -> {
                SplittableRandom r = new SplittableRandom(s);
                return PrdcIntervals.value(prdc.compute(g.real(r, n), g.generated(r, n)), field);
            }).as("expected value at N", "");
        }, seed -> COMPUTED.computeIfAbsent(g + "|" + n + "|" + seed, key -> {
            SplittableRandom r = new SplittableRandom(seed);
            double[][] real = g.real(r, n);
            double[][] fake = g.generated(r, n);
            PrecisionRecallDensityCoverage prdc = new PrecisionRecallDensityCoverage(K);
            return PrdcIntervals.of(prdc, prdc.compute(real, fake), real, fake, seed * 31 + 7, 0.95);
        })[field]);
    }
}
