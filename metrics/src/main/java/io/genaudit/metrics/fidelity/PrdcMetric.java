package io.genaudit.metrics.fidelity;

import io.genaudit.metrics.contract.Checks;
import io.genaudit.metrics.contract.MetricDescription;
import io.genaudit.metrics.contract.MetricInfo;
import io.genaudit.metrics.contract.MetricResult;
import io.genaudit.metrics.contract.Param;
import io.genaudit.values.Interval;

import java.util.List;

/**
 * {@code prdc}: improved precision and recall (Kynkäänniemi et al. 2019) and density and coverage (Naeem et al. 2020)
 * of the generated set against the real set on k-NN balls, with the prdc package's definitions
 * ({@link PrecisionRecallDensityCoverage}) and half-sampling intervals ({@link PrdcIntervals}). The headline value is
 * precision; all four are gate fields. The state keeps every feature row by its global row id (k-NN radii need them all).
 */
@MetricDescription(name = "prdc", title = "Precision, recall, density and coverage", direction = MetricInfo.Direction.HIGHER_IS_BETTER,
        summary = "Precision, recall, density and coverage of a generated set against a real set (prdc package definitions).")
public final class PrdcMetric implements FeaturePairMetric<PrdcMetric.Params, PrdcMetric.Result> {

    /** PRDC's parameters. */
    public record Params(
            @Param(help = "Nearest neighbours for the ball radii (the prdc package's nearest_k).", dflt = "5", min = 1) int k,
            @Param(help = "Interval switch kept under its plan name: 0 = no intervals; any other value (at least 10) adds "
                    + "half-sampling intervals of all four measures (100 random halves of each set; the count itself is not used).",
                    dflt = "200", min = 0) int bootstrap,
            @Param(help = "Interval level.", dflt = "0.95", label = "P") double level,
            @Param(help = "Seed of the half-samples.", dflt = "0", runSeed = true) long seed) {
        public Params {
            Checks.interval(bootstrap, level);
        }
    }

    /**
     * The four measures.
     *
     * @param value       precision (the headline)
     * @param n           generated samples
     * @param ci          the interval of precision, or null
     * @param density     (1/k) times the mean number of real balls holding a generated sample; can exceed 1
     * @param precisionCi interval of the expected precision at these sample sizes, or null (likewise the other three)
     */
    public record Result(double value, long n, Interval ci, double precision, double recall, double density, double coverage,
                         Interval precisionCi, Interval recallCi, Interval densityCi, Interval coverageCi,
                         int k, long nReal, long nFake, int dim, List<String> notes) implements MetricResult {

        /** The four measures in {@link PrdcIntervals#FIELDS} order. */
        public double[] values() {
            return new double[]{precision, recall, density, coverage};
        }

        /** Their intervals in the same order (null entries when none were computed). */
        public Interval[] intervals() {
            return new Interval[]{precisionCi, recallCi, densityCi, coverageCi};
        }
    }

    @Override
    public Result compute(FeaturePairState s, Params p) {
        s.checkComparable();
        String what = "precision/recall/density/coverage with k=" + p.k();
        double[][] real = s.real().rows(what, p.k() + 1);
        double[][] fake = s.fake().rows(what, p.k() + 1);
        PrecisionRecallDensityCoverage prdc = new PrecisionRecallDensityCoverage(p.k());
        PrecisionRecallDensityCoverage.Result r = prdc.compute(real, fake);
        Interval[] cis = p.bootstrap() > 0 ? PrdcIntervals.of(prdc, r, real, fake, p.seed(), p.level()) : new Interval[4];
        return result(r, cis, p, s.real().dim());
    }

    /**
     * The metric's result from the four measures and their intervals ({@code cis} in {@link PrdcIntervals#FIELDS}
     * order, null entries when none): what {@link #compute} returns, and what a computation of the same measures
     * elsewhere (tiled over a cluster) reports.
     */
    public static Result result(PrecisionRecallDensityCoverage.Result r, Interval[] cis, Params p, int dim) {
        List<String> notes = List.of("Precision and density measure fidelity (samples near real data), recall and coverage measure "
                + "diversity. Density can exceed 1. Intervals: half-sampling of both sets (the bootstrap's duplicated rows shrink "
                + "k-NN radii and distort these measures), normal intervals on the logit scale for the three shares and on the log "
                + "scale for density so that they stay in range; each covers the expected value at these sample sizes"
                + (p.bootstrap() > 0 ? "." : " (off: bootstrap 0)."));
        return new Result(r.precision(), r.nFake(), cis[0], r.precision(), r.recall(), r.density(), r.coverage(),
                cis[0], cis[1], cis[2], cis[3], p.k(), r.nReal(), r.nFake(), dim, notes);
    }
}
