package io.genaudit.metrics.fidelity;

import io.genaudit.values.Interval;

import java.util.Locale;

/**
 * FID's two intervals and what each covers. FID at N samples is biased upwards (roughly +c/N), often by more than its
 * spread, so its bootstrap interval covers the <em>expected FID at this sample size</em>, not the FID of the two
 * distributions; FID∞ (both sides extrapolated, {@link FidInfinity#computeBothSides}) with its own bootstrap interval
 * covers the latter. Used by the {@code fid} command, the fidelity audit and the coverage harness alike.
 *
 * @param resamples bootstrap resamples of both intervals
 * @param seed      the bootstrap's seed (FID∞'s subsets use a seed derived from it)
 * @param level     the intervals' level
 */
public record FidIntervals(int resamples, long seed, double level) {
    /** Smallest subset fraction of the FID∞ fit. */
    public static final double MIN_FRACTION = 0.2;

    public FidIntervals {
        if (!(level > 0 && level < 1)) throw new IllegalArgumentException("confidence level must be in (0,1), got " + level);
    }

    /** The estimand of the finite-N interval. */
    public static String finiteEstimand(long nReal, long nFake) {
        return String.format(Locale.ROOT, "expected FID at %d real and %d generated samples (the FID a repeat with new samples "
                + "of these sizes gives on average; the distributions' FID is lower, see FID∞)", nReal, nFake);
    }

    /** The estimand of the FID∞ interval. */
    public static final String INFINITY_ESTIMAND = "FID extrapolated to infinite samples: the Fréchet distance between the "
            + "real and generated feature distributions";

    /** Bias-centred two-sample percentile bootstrap of FID at N, clipped at 0 (FID cannot be negative). */
    public Interval finite(double[][] real, double[][] fake, double estimate) {
        Interval c = new TwoSampleBootstrap(resamples, seed).centredInterval(real.length, fake.length,
                (ia, ib) -> FrechetDistance.compute(GaussianStatistics.of(real, ia), GaussianStatistics.of(fake, ib)).value(), level, estimate);
        return c.clippedTo(0, Double.POSITIVE_INFINITY).withEstimand(finiteEstimand(real.length, fake.length));
    }

    /** FID∞ of all rows, both sides extrapolated, with {@code points} subset sizes. */
    public static FidInfinity.Result infinity(double[][] real, double[][] fake, int points, long seed) {
        return new FidInfinity(points, seed).computeBothSides(real, identity(real.length), fake, identity(fake.length), MIN_FRACTION);
    }

    /**
     * Bias-centred two-sample percentile bootstrap of FID∞ (each resample extrapolated afresh), lower bound clipped at 0
     * (a population FID cannot be negative, although the extrapolated point estimate can be).
     */
    public Interval infinity(double[][] real, double[][] fake, int points, double estimate) {
        FidInfinity fi = new FidInfinity(points, seed ^ 0x5DEECE66DL);
        Interval c = new TwoSampleBootstrap(resamples, seed).centredInterval(real.length, fake.length,
                (ia, ib) -> fi.computeBothSides(real, ia, fake, ib, MIN_FRACTION).value(), level, estimate);
        return c.withMethod(c.method() + ", FID∞ refitted on each resample (" + points + " subset sizes, real and fake subsampled together)")
                .clippedTo(0, Double.POSITIVE_INFINITY).withEstimand(INFINITY_ESTIMAND);
    }

    /**
     * A sentence when the finite-N interval and the FID∞ interval tell different stories (one excludes 0 and the other
     * includes it, or they do not overlap), else null.
     */
    public static String disagreement(Interval finite, Interval infinity) {
        if (finite == null || infinity == null) return null;
        boolean finiteAboveZero = finite.low() > 0;
        boolean infinityIncludesZero = infinity.low() <= 0;
        if (finiteAboveZero && infinityIncludesZero) {
            return String.format(Locale.ROOT, "FID at this sample size is clearly above 0 (%s), but FID∞'s interval reaches 0 "
                    + "(%s): much of this FID may be finite-sample bias rather than a difference between the distributions.",
                    bounds(finite), bounds(infinity));
        }
        if (infinity.high() < finite.low()) {
            return String.format(Locale.ROOT, "FID∞'s interval %s lies below the finite-N FID interval %s: finite-sample bias is larger "
                    + "than FID's spread here, so compare FIDs only at equal sample sizes, or use FID∞.", bounds(infinity), bounds(finite));
        }
        return null;
    }

    private static String bounds(Interval i) {
        return String.format(Locale.ROOT, "[%.4g, %.4g]", i.low(), i.high());
    }

    static int[] identity(int n) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        return idx;
    }
}
