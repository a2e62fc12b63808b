package io.genaudit.metrics.numerics;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Euclidean distances between the rows of two feature matrices, produced block by block of X rows so that no
 * [N, M] matrix is ever held, the way sklearn's {@code euclidean_distances} computes them
 * ({@code sqrt(max(-2 x.y + |x|^2 + |y|^2, 0))}, exact 0 between a row and itself).
 *
 * <p>Every dot product {@code x.y} and squared norm is summed in one fixed order (feature 0 to d-1, one rounding per
 * product and per addition), so the distance of a pair has the same bits whatever tile, block, thread or machine
 * computes it: a k-NN radius or a ball test ({@code <}) decided on one JVM is decided the same way by a tiled
 * computation over a cluster. A BLAS product does not guarantee that (OpenBLAS's {@code dgemm} rounds an entry
 * differently with the matrix shape and with its thread count), which is why the products are computed here.
 */
public final class PairwiseDistances {
    /** Rows of X per streamed block; also the column tile of the single-JVM pass. */
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

    /**
     * Dot products of rows {@code [xFrom, xFrom+q)} of x with rows {@code [yFrom, yFrom+r)} of y (both [*, d]
     * row-major) into {@code out[outOffset + i*outStride + j]}: each the plain sum over features 0..d-1 in order,
     * bit for bit what {@code s = 0; for k: s += x[k] * y[k]} gives. For speed the pairs are taken
     * {@value #BLOCK_X} x {@value #BLOCK_Y} at a time ({@link #dotBlock}): sixteen independent sums held in registers,
     * each load of {@code x[k]} or {@code y[k]} used four times; no pair's own order of additions changes.
     */
    public static void dotProducts(double[] x, int xFrom, int q, double[] y, int yFrom, int r, int d,
                                   double[] out, int outOffset, int outStride) {
        int qBlocked = q - q % BLOCK_X;
        int rBlocked = r - r % BLOCK_Y;
        for (int i = 0; i < qBlocked; i += BLOCK_X) {
            for (int j = 0; j < rBlocked; j += BLOCK_Y) {
                dotBlock(x, (xFrom + i) * d, y, (yFrom + j) * d, d, out, outOffset + i * outStride + j, outStride);
            }
        }
        for (int i = 0; i < q; i++) {
            int o = outOffset + i * outStride;
            for (int j = i < qBlocked ? rBlocked : 0; j < r; j++) out[o + j] = dot(x, (xFrom + i) * d, y, (yFrom + j) * d, d);
        }
    }

    /** Query rows per register block of {@link #dotProducts}. */
    private static final int BLOCK_X = 4;
    /** Reference rows per register block of {@link #dotProducts}. */
    private static final int BLOCK_Y = 4;

    /**
     * The 4 x 4 dot products of the rows starting at {@code x[xs + i*d]} and {@code y[ys + j*d]} (i, j in 0..3) into
     * {@code out[o + i*stride + j]}, each summed over k = 0..d-1 in order with one rounding per product and per addition
     * (the scalars below are the sixteen running sums; Java never contracts {@code s += a * b} into a fused multiply-add).
     */
    private static void dotBlock(double[] x, int xs, double[] y, int ys, int d, double[] out, int o, int stride) {
        int x0 = xs, x1 = x0 + d, x2 = x1 + d, x3 = x2 + d;
        int y0 = ys, y1 = y0 + d, y2 = y1 + d, y3 = y2 + d;
        double s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
        double s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
        for (int k = 0; k < d; k++) {
            double a0 = x[x0 + k], a1 = x[x1 + k], a2 = x[x2 + k], a3 = x[x3 + k];
            double b0 = y[y0 + k], b1 = y[y1 + k], b2 = y[y2 + k], b3 = y[y3 + k];
            s00 += a0 * b0; s01 += a0 * b1; s02 += a0 * b2; s03 += a0 * b3;
            s10 += a1 * b0; s11 += a1 * b1; s12 += a1 * b2; s13 += a1 * b3;
            s20 += a2 * b0; s21 += a2 * b1; s22 += a2 * b2; s23 += a2 * b3;
            s30 += a3 * b0; s31 += a3 * b1; s32 += a3 * b2; s33 += a3 * b3;
        }
        out[o] = s00; out[o + 1] = s01; out[o + 2] = s02; out[o + 3] = s03;
        o += stride;
        out[o] = s10; out[o + 1] = s11; out[o + 2] = s12; out[o + 3] = s13;
        o += stride;
        out[o] = s20; out[o + 1] = s21; out[o + 2] = s22; out[o + 3] = s23;
        o += stride;
        out[o] = s30; out[o + 1] = s31; out[o + 2] = s32; out[o + 3] = s33;
    }

    /** The plain sum {@code x[xs+k] * y[ys+k]} over k = 0..d-1 in order (the pairs outside whole 4 x 4 blocks). */
    private static double dot(double[] x, int xs, double[] y, int ys, int d) {
        double s = 0;
        for (int k = 0; k < d; k++) s += x[xs + k] * y[ys + k];
        return s;
    }

    /**
     * Distances of rows {@code [xFrom, xFrom+q)} of x (squared norms {@code xx}, indexed like x) to rows
     * {@code [yFrom, yFrom+r)} of y (norms {@code yy}) into {@code out[outOffset + i*outStride + j]}. When x and y
     * are rows of one set, {@code selfShift} is the global index of x's row 0 minus that of y's row 0 and the pair of a
     * row with itself is exactly 0; otherwise pass {@link #NOT_SAME_SET}.
     */
    public static void tile(double[] x, double[] xx, int xFrom, int q, double[] y, double[] yy, int yFrom, int r, int d,
                            long selfShift, double[] out, int outOffset, int outStride) {
        dotProducts(x, xFrom, q, y, yFrom, r, d, out, outOffset, outStride);
        for (int i = 0; i < q; i++) {
            int o = outOffset + i * outStride;
            double xi = xx[xFrom + i];
            for (int j = 0; j < r; j++) {
                double d2 = -2 * out[o + j] + xi + yy[yFrom + j];
                out[o + j] = Math.sqrt(Math.max(d2, 0.0));
            }
            if (selfShift != NOT_SAME_SET) {
                long j = xFrom + i + selfShift - yFrom;
                if (j >= 0 && j < r) out[o + (int) j] = 0.0;
            }
        }
    }

    /** {@link #tile}'s marker for rows of two different sets. */
    public static final long NOT_SAME_SET = Long.MIN_VALUE;

    /** Streams the distances of every row of x [n, d] to every row of y [m, d]; {@code same} marks x == y. */
    public static void forEachBlock(double[] x, int n, double[] y, int m, int d, boolean same, BlockConsumer consumer) {
        double[] xx = squaredNorms(x, n, d);
        double[] yy = same ? xx : squaredNorms(y, m, d);
        int columnTiles = (m + BLOCK_ROWS - 1) / BLOCK_ROWS;
        for (int from = 0; from < n; from += BLOCK_ROWS) {
            int to = Math.min(n, from + BLOCK_ROWS);
            int b = to - from;
            double[] g = new double[b * m];
            final int f = from;
            IntStream.range(0, columnTiles).parallel().forEach(t -> {
                int c0 = t * BLOCK_ROWS;
                tile(x, xx, f, b, y, yy, c0, Math.min(m, c0 + BLOCK_ROWS) - c0, d, same ? 0 : NOT_SAME_SET, g, c0, m);
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

    /** The k-th smallest (0-based) of {@code a[off, off+len)}. */
    public static double kthSmallest(double[] a, int off, int len, int k) {
        return smallest(a, off, len, k + 1)[k];
    }

    /**
     * The {@code keep} smallest of {@code a[off, off+len)}, ascending, padded with +∞ when {@code len < keep}: the
     * state of a k-NN search that later tiles extend with {@link #mergeSmallest} (the k-th smallest of a multiset does
     * not depend on how it was cut).
     */
    public static double[] smallest(double[] a, int off, int len, int keep) {
        double[] best = new double[keep];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        int filled = 0;
        for (int j = 0; j < len; j++) {
            double v = a[off + j];
            if (filled < keep) {
                insert(best, filled++, v);
            } else if (v < best[keep - 1]) {
                insert(best, keep - 1, v);
            }
        }
        return best;
    }

    private static void insert(double[] best, int p, double v) {
        while (p > 0 && best[p - 1] > v) {
            best[p] = best[p - 1];
            p--;
        }
        best[p] = v;
    }

    /** The {@code a.length} smallest of two ascending {@link #smallest} lists of one length, ascending. */
    public static double[] mergeSmallest(double[] a, double[] b) {
        double[] out = new double[a.length];
        int i = 0;
        int j = 0;
        for (int o = 0; o < out.length; o++) out[o] = a[i] <= b[j] ? a[i++] : b[j++];
        return out;
    }
}
