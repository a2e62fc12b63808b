package io.genaudit.metrics.fidelity;

import io.genaudit.metrics.stats.Replicates;

import java.util.SplittableRandom;

/**
 * FID∞ (Chong and Forsyth 2020): FID is biased upwards at finite sample size, roughly linearly in 1/N. Computes FID
 * of random subsets of the fake features at {@code points} sizes evenly spaced between {@code minSize} and N (real
 * statistics fixed, as in the paper's code), fits {@code FID(N) = FIDinf + slope / N} by least squares and
 * extrapolates to N = infinity. Subsets are drawn with a seeded generator (deterministic).
 *
 * <p>With a small real set the real side's own finite-sample bias (about c/N_real) survives that extrapolation, so
 * {@link #computeBothSides} subsamples real and fake rows together (same fraction of each) and extrapolates the
 * fraction to infinity: FID's bias is roughly {@code a/N_real + b/N_fake}, linear in 1/fraction. That is the estimand
 * "FID of the two feature distributions", which genaudit's FID∞ interval covers.
 */
public final class FidInfinity {
    private final int points;
    private final long[] seeds;

    public FidInfinity(int points, long seed) {
        if (points < 2) throw new IllegalArgumentException("FID-infinity needs at least 2 sample sizes, got " + points);
        this.points = points;
        this.seeds = new Replicates(points, seed).seeds();
    }

    /**
     * The extrapolation.
     *
     * @param value     FID∞, the intercept at 1/N = 0
     * @param slope     slope of FID against 1/N
     * @param r2        coefficient of determination of the fit
     * @param sizes     the subset sizes used
     * @param fids      FID at each size
     */
    public record Result(double value, double slope, double r2, int[] sizes, double[] fids) {
    }

    /** Ordinary least squares of y on x: {intercept, slope, r^2}. */
    static double[] fitLine(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= x.length;
        my /= x.length;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        double slope = sxy / sxx;
        return new double[]{my - slope * mx, slope, syy == 0 ? 1.0 : (sxy * sxy) / (sxx * syy)};
    }

    /** Sizes {@code floor(linspace(minSize, n, points))}, de-duplicated (numpy {@code linspace(...).astype(int)}). */
    static int[] sizes(int minSize, int n, int points) {
        return java.util.stream.IntStream.range(0, points)
                .map(i -> (int) Math.floor(minSize + (double) (n - minSize) * i / (points - 1)))
                .distinct().toArray();
    }

    /**
     * FID∞ with both sets subsampled: at each of {@code points} fractions evenly spaced from {@code minFraction} to 1,
     * FID of a random subset of that fraction of the real rows against one of the fake rows; fit against 1/(fake
     * subset size) and extrapolate to 0. {@code sizes} in the result are the fake subset sizes.
     */
    public Result computeBothSides(double[][] real, int[] realRows, double[][] fake, int[] fakeRows, double minFraction) {
        int nr = realRows.length;
        int nf = fakeRows.length;
        if (!(minFraction > 0 && minFraction < 1)) throw new IllegalArgumentException("smallest fraction must be in (0,1), got " + minFraction);
        int lo = Math.max(2, (int) Math.floor(minFraction * nf));
        int[] sizes = sizes(lo, nf, points);
        if (sizes.length < 2) throw new IllegalArgumentException("FID-infinity needs at least 2 distinct subset sizes (" + nf + " fake rows)");
        double[] fids = new double[sizes.length];
        for (int p = 0; p < sizes.length; p++) {
            SplittableRandom r = new SplittableRandom(seeds[p]);
            int mr = Math.max(2, (int) Math.round((double) sizes[p] * nr / nf));
            GaussianStatistics a = GaussianStatistics.of(real, subset(realRows, Math.min(mr, nr), r));
            GaussianStatistics b = GaussianStatistics.of(fake, subset(fakeRows, sizes[p], r));
            fids[p] = FrechetDistance.compute(a, b).value();
        }
        return fitted(sizes, fids);
    }

    /** The first {@code m} of a seeded shuffle of {@code rows} (a subset without replacement of those row indices). */
    private static int[] subset(int[] rows, int m, SplittableRandom r) {
        return java.util.Arrays.copyOf(Replicates.shuffle(rows.clone(), r), m);
    }

    /** The least-squares line of FID against 1/size, extrapolated to 1/size = 0. */
    private static Result fitted(int[] sizes, double[] fids) {
        double[] x = new double[sizes.length];
        for (int i = 0; i < x.length; i++) x[i] = 1.0 / sizes[i];
        double[] fit = fitLine(x, fids);
        return new Result(fit[0], fit[1], fit[2], sizes, fids);
    }

    /** FID∞ of {@code fake} against fixed real statistics; {@code minSize} defaults sensibly when <= 0 (N/5, at least 2). */
    public Result compute(double[] realMean, double[][] realCovariance, double[][] fake, int minSize) {
        int n = fake.length;
        int lo = minSize > 0 ? minSize : Math.max(2, n / 5);
        if (lo >= n) throw new IllegalArgumentException("FID-infinity needs more fake rows (" + n + ") than its smallest subset (" + lo + ")");
        int[] sizes = sizes(lo, n, points);
        if (sizes.length < 2) throw new IllegalArgumentException("FID-infinity needs at least 2 distinct subset sizes");
        double[] fids = new double[sizes.length];
        for (int p = 0; p < sizes.length; p++) {
            GaussianStatistics s = GaussianStatistics.of(fake, subset(Replicates.identity(n), sizes[p], new SplittableRandom(seeds[p])));
            fids[p] = FrechetDistance.compute(realMean, realCovariance, s.mean(), s.covariance()).value();
        }
        return fitted(sizes, fids);
    }
}
