package io.genaudit.metrics.stats;

import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * Exact binomial test of {@code k} successes in {@code n} trials against success probability {@code p0}, as
 * {@code scipy.stats.binomtest}: the two-sided p-value sums the probabilities of all outcomes no more likely than the
 * observed one (relative tolerance 1e-7).
 */
public final class BinomialTest {
    private static final double RELATIVE_TOLERANCE = 1 + 1e-7;

    private BinomialTest() {
    }

    public static TestResult test(long k, long n, double p0, Alternative alternative) {
        if (n <= 0 || n > Integer.MAX_VALUE) throw new IllegalArgumentException("n must be in [1, 2^31), got " + n);
        if (k < 0 || k > n) throw new IllegalArgumentException("k " + k + " not in [0," + n + "]");
        if (!(p0 > 0 && p0 < 1)) throw new IllegalArgumentException("p0 must be in (0,1), got " + p0);
        BinomialDistribution d = new BinomialDistribution(null, (int) n, p0);
        BinomialDistribution mirror = new BinomialDistribution(null, (int) n, 1 - p0);
        int kk = (int) k;
        double p = switch (alternative) {
            case LESS -> d.cumulativeProbability(kk);
            case GREATER -> upperTail(mirror, (int) n, kk);
            case TWO_SIDED -> twoSided(d, mirror, kk, (int) n, p0);
        };
        return new TestResult((double) k / n, Math.min(1.0, Math.max(0.0, p)),
                "exact binomial test vs p=" + p0 + " (" + alternative.name().toLowerCase().replace('_', '-') + ")");
    }

    public static TestResult twoSided(long k, long n, double p0) {
        return test(k, n, p0, Alternative.TWO_SIDED);
    }

    private static double twoSided(BinomialDistribution d, BinomialDistribution mirror, int k, int n, double p0) {
        double mode = p0 * n;
        if (k == mode) return 1.0;
        double threshold = d.probability(k) * RELATIVE_TOLERANCE;
        if (k < mode) {
            // lower tail is [0,k]; upper tail: smallest j > mode with pmf(j) <= threshold
            int j = firstAtOrBelow(d, threshold, (int) Math.ceil(mode), n, true);
            double upper = j > n ? 0 : upperTail(mirror, n, j);
            return d.cumulativeProbability(k) + upper;
        } else {
            // upper tail [k,n]; lower tail: largest j < mode with pmf(j) <= threshold
            int j = firstAtOrBelow(d, threshold, (int) Math.floor(mode), 0, false);
            double lower = j < 0 ? 0 : d.cumulativeProbability(j);
            return lower + upperTail(mirror, n, k);
        }
    }

    /** P(X >= j) computed as P(n - X <= n - j) with n - X ~ Bin(n, 1 - p0), so tiny upper tails keep their precision. */
    private static double upperTail(BinomialDistribution mirror, int n, int j) {
        return j <= 0 ? 1.0 : mirror.cumulativeProbability(n - j);
    }

    /** Binary search on the monotone side of the pmf for the first index (moving away from the mode) with pmf <= t. */
    private static int firstAtOrBelow(BinomialDistribution d, double t, int from, int to, boolean ascending) {
        int lo = Math.min(from, to), hi = Math.max(from, to);
        if (ascending) {
            if (d.probability(hi) > t) return hi + 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (d.probability(mid) <= t) hi = mid; else lo = mid + 1;
            }
            return lo;
        } else {
            if (d.probability(lo) > t) return lo - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (d.probability(mid) <= t) lo = mid; else hi = mid - 1;
            }
            return lo;
        }
    }
}
