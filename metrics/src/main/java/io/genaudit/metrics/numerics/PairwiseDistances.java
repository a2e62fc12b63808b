package io.genaudit.metrics.numerics;

import java.util.stream.IntStream;

/**
 * Euclidean distances between the rows of two feature matrices, produced block by block of X rows so that no
 * [N, M] matrix is ever held: each block is one BLAS product {@code X_b Y^T} turned into distances the way sklearn's
 * {@code euclidean_distances} does ({@code sqrt(max(-2 x.y + |x|^2 + |y|^2, 0))}, exact 0 on the diagonal of a set
 * against itself). Post-processing of a block runs in parallel over its rows; results do not depend on scheduling.
 */
public final class PairwiseDistances {
    static final int BLOCK_ROWS = 256;

    /** Receives one block of distances: rows {@code [from, to)} of X against all M rows of Y, row-major [to-from, M]. */
    public interface BlockConsumer {
        void accept(int from, int to, double[] distances);
    }

    private PairwiseDistances() {
    }

    public static double[] flatten(double[][] rows, int d) {
        double[] out = new double[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != d) throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " features, expected " + d);
            System.arraycopy(rows[i], 0, out, i * d, d);
        }
        return out;
    }

    public static double[] squaredNorms(double[] flat, int n, int d) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                double v = flat[i * d + j];
                s += v * v;
            }
            out[i] = s;
        }
        return out;
    }

    /** Streams the distances of every row of x [n, d] to every row of y [m, d]; {@code same} marks x == y. */
    public static void forEachBlock(double[] x, int n, double[] y, int m, int d, boolean same, BlockConsumer consumer) {
        double[] xx = squaredNorms(x, n, d);
        double[] yy = same ? xx : squaredNorms(y, m, d);
        for (int from = 0; from < n; from += BLOCK_ROWS) {
            int to = Math.min(n, from + BLOCK_ROWS);
            int b = to - from;
            double[] xb = new double[b * d];
            System.arraycopy(x, from * d, xb, 0, b * d);
            double[] g = new double[b * m];
            DenseLinearAlgebra.gemm(false, xb, true, y, b, m, d, 1.0, 0.0, g);
            final int f = from;
            IntStream.range(0, b).parallel().forEach(i -> {
                int base = i * m;
                double xi = xx[f + i];
                for (int j = 0; j < m; j++) {
                    double d2 = -2 * g[base + j] + xi + yy[j];
                    g[base + j] = Math.sqrt(Math.max(d2, 0.0));
                }
                if (same) g[base + f + i] = 0.0;
            });
            consumer.accept(from, to, g);
        }
    }

    /**
     * For each row of x, the distance to its k-th nearest other row: the (k+1)-th smallest distance of the row,
     * the self-distance 0 included (prdc's {@code compute_nearest_neighbour_distances}).
     */
    public static double[] kthNeighbourRadii(double[] x, int n, int d, int k) {
        if (k + 1 > n) throw new IllegalArgumentException("k=" + k + " nearest neighbours need at least " + (k + 1) + " rows, have " + n);
        double[] radii = new double[n];
        forEachBlock(x, n, x, n, d, true, (from, to, dist) -> IntStream.range(from, to).parallel().forEach(i -> {
            radii[i] = kthSmallest(dist, (i - from) * n, n, k);
        }));
        return radii;
    }

    /** The k-th smallest (0-based) of {@code a[off, off+len)} by keeping the k+1 smallest in a sorted buffer. */
    public static double kthSmallest(double[] a, int off, int len, int k) {
        double[] best = new double[k + 1];
        int filled = 0;
        for (int j = 0; j < len; j++) {
            double v = a[off + j];
            if (filled <= k) {
                int p = filled++;
                while (p > 0 && best[p - 1] > v) {
                    best[p] = best[p - 1];
                    p--;
                }
                best[p] = v;
            } else if (v < best[k]) {
                int p = k;
                while (p > 0 && best[p - 1] > v) {
                    best[p] = best[p - 1];
                    p--;
                }
                best[p] = v;
            }
        }
        return best[k];
    }
}
