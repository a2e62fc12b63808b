package io.genaudit.metrics.fidelity;

import io.genaudit.metrics.numerics.PairwiseDistances;

/**
 * Improved precision and recall (Kynkäänniemi et al. 2019) and density and coverage (Naeem et al. 2020) on k-NN
 * balls, with the prdc package's exact conventions: a sample's radius is the distance to its k-th nearest neighbour in
 * its own set (self excluded), comparisons are strict ({@code <}).
 * <ul>
 *   <li>precision: fraction of fake samples inside at least one real ball;</li>
 *   <li>recall: fraction of real samples inside at least one fake ball;</li>
 *   <li>density: (1/k) times the mean number of real balls containing each fake sample (can exceed 1);</li>
 *   <li>coverage: fraction of real samples whose nearest fake sample lies inside their own ball.</li>
 * </ul>
 * Distances are streamed in blocks ({@link PairwiseDistances}), so memory is O((N + M) d) not O(N M); the ball tests
 * of a block ({@link BallTests}) merge exactly, which is what lets a cluster compute them tile by tile.
 */
public final class PrecisionRecallDensityCoverage {
    public static final int DEFAULT_K = 5;

    private final int k;

    public PrecisionRecallDensityCoverage(int k) {
        if (k < 1) throw new IllegalArgumentException("k must be at least 1, got " + k);
        this.k = k;
    }

    /** The four values with the sizes and k they were computed on. */
    public record Result(double precision, double recall, double density, double coverage, int k, int nReal, int nFake) {
        /**
         * The four measures from their counts: generated rows inside a real ball ({@code precise}), real rows inside a
         * generated ball ({@code recalled}), real balls holding generated rows summed over those rows ({@code balls}),
         * real rows whose nearest generated row is inside their ball ({@code covered}).
         */
        public static Result of(int precise, int recalled, long balls, int covered, int k, int nReal, int nFake) {
            return new Result((double) precise / nFake, (double) recalled / nReal, (double) balls / nFake / k, (double) covered / nReal,
                    k, nReal, nFake);
        }
    }

    public Result compute(double[][] real, double[][] fake) {
        int n = real.length;
        int m = fake.length;
        if (n == 0 || m == 0) throw new IllegalArgumentException("empty feature set");
        int d = real[0].length;
        if (fake[0].length != d) throw new IllegalArgumentException("feature dimensions differ: " + d + " vs " + fake[0].length);
        if (n <= k || m <= k) throw new IllegalArgumentException("k=" + k + " needs more than " + k + " rows per set, have " + n + " real, " + m + " fake");
        double[] x = PairwiseDistances.flatten(real, d);
        double[] y = PairwiseDistances.flatten(fake, d);
        double[] realRadii = PairwiseDistances.kthNeighbourRadii(x, n, d, k);
        double[] fakeRadii = PairwiseDistances.kthNeighbourRadii(y, m, d, k);

        int[] holding = new int[m];
        int[] recalledCovered = new int[2];
        PairwiseDistances.forEachBlock(x, n, y, m, d, false, (from, to, dist) -> {
            BallTests t = BallTests.of(dist, 0, m, to - from, m, realRadii, from, fakeRadii, 0);
            recalledCovered[0] += t.recalledCount();
            recalledCovered[1] += t.covered(realRadii, from);
            for (int j = 0; j < m; j++) holding[j] += t.realBallsHolding()[j];
        });
        BallTests fakeSide = new BallTests(null, null, holding);
        return Result.of(fakeSide.precise(), recalledCovered[0], fakeSide.balls(), recalledCovered[1], k, n, m);
    }
}
