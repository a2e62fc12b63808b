package io.genaudit.metrics.fidelity;

import io.genaudit.metrics.numerics.PairwiseDistances;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.IntStream;

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
 * Distances are streamed in blocks ({@link PairwiseDistances}), so memory is O((N + M) d) not O(N M).
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

        AtomicIntegerArray fakeBallCount = new AtomicIntegerArray(m); // real balls containing fake j
        boolean[] realRecalled = new boolean[n];
        boolean[] realCovered = new boolean[n];
        PairwiseDistances.forEachBlock(x, n, y, m, d, false, (from, to, dist) -> {
            int b = to - from;
            int[][] partial = new int[b][];
            IntStream.range(0, b).parallel().forEach(i -> {
                int gi = from + i;
                int base = i * m;
                double ri = realRadii[gi];
                double min = Double.POSITIVE_INFINITY;
                boolean recalled = false;
                int[] hits = null;
                int nh = 0;
                for (int j = 0; j < m; j++) {
                    double v = dist[base + j];
                    if (v < min) min = v;
                    if (v < fakeRadii[j]) recalled = true;
                    if (v < ri) {
                        if (hits == null) hits = new int[8];
                        if (nh == hits.length) hits = java.util.Arrays.copyOf(hits, nh * 2);
                        hits[nh++] = j;
                    }
                }
                realRecalled[gi] = recalled;
                realCovered[gi] = min < ri;
                partial[i] = hits == null ? new int[0] : java.util.Arrays.copyOf(hits, nh);
            });
            for (int[] hits : partial) for (int j : hits) fakeBallCount.incrementAndGet(j);
        });
        int precise = 0;
        long balls = 0;
        for (int j = 0; j < m; j++) {
            int c = fakeBallCount.get(j);
            if (c > 0) precise++;
            balls += c;
        }
        int recalled = 0;
        int covered = 0;
        for (int i = 0; i < n; i++) {
            if (realRecalled[i]) recalled++;
            if (realCovered[i]) covered++;
        }
        return new Result((double) precise / m, (double) recalled / n, (double) balls / m / k, (double) covered / n, k, n, m);
    }
}
