package io.genaudit.metrics.fidelity;

import io.genaudit.metrics.contract.Checks;
import io.genaudit.metrics.contract.MetricInfo;
import io.genaudit.metrics.contract.MetricResult;
import io.genaudit.metrics.contract.Param;
import io.genaudit.values.Interval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code fid}: the Fréchet distance between Gaussian fits of real and generated features (FID on InceptionV3 pool3
 * features, equal to pytorch-fid's value on the same features), with a bias-centred two-sample bootstrap interval and,
 * optionally, FID∞ (Chong and Forsyth 2020) to expose the finite-sample bias. The state is the two sides' streaming
 * statistics; rows are kept only for the bootstrap and FID∞.
 */
public final class FidMetric implements FeaturePairMetric<FidMetric.Params, FidMetric.Result> {

    /** FID's parameters. */
    public record Params(
            @Param(help = "Bootstrap resamples for a percentile interval (rows of both sets resampled; needs feature rows); 0 = off.",
                    dflt = "200", min = 0) int bootstrap,
            @Param(help = "Interval level.", dflt = "0.95", label = "P") double level,
            @Param(help = "Also estimate FID∞ (Chong & Forsyth 2020) from FIDs of subsets.", dflt = "false") boolean fidInfinity,
            @Param(help = "Subset sizes of the FID∞ fit.", dflt = "15", min = 3) int points,
            @Param(help = "Add EPS to both covariance diagonals (pytorch-fid's fallback branch, e.g. 1e-6); default: only when the plain square root fails.",
                    min = 0, label = "EPS") Double offset,
            @Param(help = "Seed of the bootstrap and FID∞ subsets.", dflt = "0", runSeed = true) long seed) {
        public Params {
            Checks.bootstrapOrOff(bootstrap);
            Checks.level(level);
        }
    }

    /**
     * FID and its parts.
     *
     * @param value            the Fréchet distance
     * @param n                generated samples
     * @param ci               bootstrap interval of the expected FID at these sample sizes, or null
     * @param meanTerm         squared distance of the means
     * @param traceSqrtProduct trace of the square root of the covariance product
     * @param sqrtMethod       how the matrix square root was taken
     */
    public record Result(double value, long n, Interval ci, long nReal, long nFake, int dim, double meanTerm, double traceReal,
                         double traceFake, double traceSqrtProduct, boolean offsetApplied, String sqrtMethod,
                         Double fidInfinity, Double fidInfinitySlope, Double fidInfinityR2, Interval fidInfinityCi,
                         String fidInfinityEstimand, int[] fidInfinitySizes, double[] fidInfinityFids,
                         List<String> notes) implements MetricResult {
    }

    @Override
    public MetricInfo info() {
        return new MetricInfo("fid", "Fréchet Inception Distance",
                "Fréchet (Inception) Distance between a real and a generated set; same number as pytorch-fid on the same features.",
                MetricInfo.Direction.LOWER_IS_BETTER, "docs/metrics/fid.md", MetricInfo.Mergeability.SUMMARY);
    }

    @Override
    public Class<Params> parameterType() {
        return Params.class;
    }

    @Override
    public Class<Result> resultType() {
        return Result.class;
    }

    @Override
    public FeaturePairState newState(Params p) {
        return new FeaturePairState(p.bootstrap() > 0 || p.fidInfinity());
    }

    @Override
    public Result compute(FeaturePairState s, Params p) {
        s.checkComparable();
        FeaturePairState.SideState real = s.real();
        FeaturePairState.SideState fake = s.fake();
        FrechetDistance.Result r = p.offset() == null
                ? FrechetDistance.compute(real.mean(), real.covariance(), fake.mean(), fake.covariance())
                : FrechetDistance.compute(real.mean(), real.covariance(), fake.mean(), fake.covariance(), p.offset());
        List<String> notes = new ArrayList<>();
        FidIntervals intervals = new FidIntervals(Math.max(p.bootstrap(), 10), p.seed(), p.level());
        Interval ci = null;
        if (p.bootstrap() > 0 && real.hasRows()) {
            ci = intervals.finite(real.rows("bootstrap"), fake.rows("bootstrap"), r.value());
        } else if (p.bootstrap() > 0) {
            notes.add("No interval: the real set is given as precomputed statistics, so its rows cannot be resampled.");
        }
        FidInfinity.Result fi = null;
        Interval infCi = null;
        String infEstimand = null;
        if (p.fidInfinity()) {
            if (real.hasRows()) {
                fi = FidIntervals.infinity(real.rows("FID-infinity"), fake.rows("FID-infinity"), p.points(), p.seed());
                infEstimand = FidIntervals.INFINITY_ESTIMAND;
                if (p.bootstrap() > 0) {
                    infCi = intervals.infinity(real.rows("FID-infinity"), fake.rows("FID-infinity"), p.points(), fi.value());
                    String story = FidIntervals.disagreement(ci, infCi);
                    if (story != null) notes.add(story);
                }
            } else {
                fi = new FidInfinity(p.points(), p.seed()).compute(real.mean(), real.covariance(), fake.rows("FID-infinity"), 0);
                infEstimand = "FID extrapolated to infinite generated samples against the fixed real statistics (the real side's finite-sample bias remains)";
                notes.add("FID∞ extrapolates the generated side only: the real set is given as statistics, so its own "
                        + "finite-sample bias (about c/n_real) remains in FID∞ and no FID∞ interval is given.");
            }
        }
        notes.add(String.format(Locale.ROOT, "FID is biased upwards at finite N (roughly +c/N); compare only FIDs at equal sample "
                + "counts (here %d generated images)%s.", fake.count(), fi != null ? "; FID∞ extrapolates to N = ∞" : ""));
        return new Result(r.value(), fake.count(), ci, real.count(), fake.count(), real.dim(), r.meanTerm(), r.trace1(), r.trace2(),
                r.traceSqrtProduct(), r.offsetApplied(), r.method(),
                fi == null ? null : fi.value(), fi == null ? null : fi.slope(), fi == null ? null : fi.r2(), infCi, infEstimand,
                fi == null ? null : fi.sizes(), fi == null ? null : fi.fids(), List.copyOf(notes));
    }
}
