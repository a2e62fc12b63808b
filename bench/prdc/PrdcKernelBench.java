import io.genaudit.metrics.fidelity.PrecisionRecallDensityCoverage;
import io.genaudit.metrics.numerics.DenseLinearAlgebra;
import io.genaudit.metrics.numerics.PairwiseDistances;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The cross distance pass of PRDC (every real row against every fake row, N x N, D features; PRDC runs three such
 * passes) with three dot-product kernels: the register-blocked fixed-order kernel in PairwiseDistances (the metrics
 * code), the previous fixed-order axpy kernel over a transposed tile (copied here, no longer in main code) and the
 * older OpenBLAS dgemm path (PairwiseDistances at 8d585fc, copied here). Checks that the two fixed-order kernels give
 * the same bits for every distance and prints the largest difference of the dgemm path, then times the whole PRDC
 * (k = 5) of the metrics code. Args: N D REPS (best of REPS per kernel).
 */
public class PrdcKernelBench {
    public static void main(String[] a) {
        int n = Integer.parseInt(a[0]);
        int d = Integer.parseInt(a[1]);
        int reps = Integer.parseInt(a[2]);
        double[] x = rows(n, d, 0, 1);
        double[] y = rows(n, d, 0.05, 2);
        double[] blocked = new double[n * n];
        double[] other = new double[n * n];
        double tBlocked = best(reps, () -> PairwiseDistances.forEachBlock(x, n, y, n, d, false, into(blocked, n)));
        System.out.printf("N=%d D=%d blocked (register 4x4, fixed order): best %.2f s  load %s%n", n, d, tBlocked, load());
        double tAxpy = best(reps, () -> AxpyKernel.forEachBlock(x, n, y, n, d, into(other, n)));
        long differentBits = IntStream.range(0, n * n).filter(i -> Double.doubleToRawLongBits(blocked[i]) != Double.doubleToRawLongBits(other[i])).count();
        System.out.printf("N=%d D=%d axpy (previous fixed order): best %.2f s  load %s  distances with other bits than blocked: %d%n", n, d, tAxpy, load(), differentBits);
        double tBlas = best(reps, () -> BlasKernel.forEachBlock(x, n, y, n, d, into(other, n)));
        double maxRel = IntStream.range(0, n * n).mapToDouble(i -> Math.abs(blocked[i] - other[i]) / Math.max(Math.abs(other[i]), 1e-300)).max().orElse(0);
        System.out.printf("N=%d D=%d OpenBLAS dgemm (8d585fc): best %.2f s  load %s  largest relative difference to blocked: %.2e%n", n, d, tBlas, load(), maxRel);
        System.out.printf("ratios: axpy/blocked %.2fx, dgemm/blocked %.2fx (above 1: blocked faster)%n", tAxpy / tBlocked, tBlas / tBlocked);
        double[][] real = unflatten(x, n, d);
        double[][] fake = unflatten(y, n, d);
        PrecisionRecallDensityCoverage.Result[] r = new PrecisionRecallDensityCoverage.Result[1];
        double tPrdc = best(1, () -> r[0] = new PrecisionRecallDensityCoverage(5).compute(real, fake));
        System.out.printf("N=%d D=%d whole PRDC k=5 (metrics code, blocked kernel): %.2f s  load %s  %s%n", n, d, tPrdc, load(), r[0]);
    }

    static PairwiseDistances.BlockConsumer into(double[] all, int m) {
        return (from, to, dist) -> System.arraycopy(dist, 0, all, from * m, dist.length);
    }

    static double best(int reps, Runnable run) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            run.run();
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return best;
    }

    static String load() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    static double[] rows(int n, int d, double shift, long seed) {
        Random r = new Random(seed);
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) x[i] = r.nextGaussian() + shift;
        return x;
    }

    static double[][] unflatten(double[] flat, int n, int d) {
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) out[i] = Arrays.copyOfRange(flat, i * d, (i + 1) * d);
        return out;
    }

    /** The previous fixed-order kernel (PairwiseDistances before the register blocking), tiled the same way. */
    static final class AxpyKernel {
        static final int BLOCK_ROWS = 256;
        static final int FEATURE_STEP = 64;

        static void forEachBlock(double[] x, int n, double[] y, int m, int d, PairwiseDistances.BlockConsumer consumer) {
            double[] xx = PairwiseDistances.squaredNorms(x, n, d);
            double[] yy = PairwiseDistances.squaredNorms(y, m, d);
            int columnTiles = (m + BLOCK_ROWS - 1) / BLOCK_ROWS;
            for (int from = 0; from < n; from += BLOCK_ROWS) {
                int to = Math.min(n, from + BLOCK_ROWS);
                int b = to - from;
                double[] g = new double[b * m];
                final int f = from;
                IntStream.range(0, columnTiles).parallel().forEach(t -> {
                    int c0 = t * BLOCK_ROWS;
                    int r = Math.min(m, c0 + BLOCK_ROWS) - c0;
                    dotProducts(x, f, b, y, c0, r, d, g, c0, m);
                    for (int i = 0; i < b; i++) {
                        int o = c0 + i * m;
                        for (int j = 0; j < r; j++) g[o + j] = Math.sqrt(Math.max(-2 * g[o + j] + xx[f + i] + yy[c0 + j], 0.0));
                    }
                });
                consumer.accept(from, to, g);
            }
        }

        static void dotProducts(double[] x, int xFrom, int q, double[] y, int yFrom, int r, int d,
                                double[] out, int outOffset, int outStride) {
            double[] yT = new double[d * r];
            for (int j = 0; j < r; j++) {
                int src = (yFrom + j) * d;
                for (int k = 0; k < d; k++) yT[k * r + j] = y[src + k];
            }
            for (int i = 0; i < q; i++) Arrays.fill(out, outOffset + i * outStride, outOffset + i * outStride + r, 0.0);
            for (int k0 = 0; k0 < d; k0 += FEATURE_STEP) {
                int k1 = Math.min(d, k0 + FEATURE_STEP);
                for (int i = 0; i < q; i++) {
                    int o = outOffset + i * outStride;
                    int xs = (xFrom + i) * d;
                    for (int k = k0; k < k1; k++) {
                        double av = x[xs + k];
                        int t = k * r;
                        for (int j = 0; j < r; j++) out[o + j] += av * yT[t + j];
                    }
                }
            }
        }
    }

    /** The OpenBLAS path (PairwiseDistances at 8d585fc): one dgemm X_b Y^T per block of 256 X rows. */
    static final class BlasKernel {
        static void forEachBlock(double[] x, int n, double[] y, int m, int d, PairwiseDistances.BlockConsumer consumer) {
            double[] xx = PairwiseDistances.squaredNorms(x, n, d);
            double[] yy = PairwiseDistances.squaredNorms(y, m, d);
            for (int from = 0; from < n; from += 256) {
                int to = Math.min(n, from + 256);
                int b = to - from;
                double[] xb = new double[b * d];
                System.arraycopy(x, from * d, xb, 0, b * d);
                double[] g = new double[b * m];
                DenseLinearAlgebra.gemm(false, xb, true, y, b, m, d, 1.0, 0.0, g);
                final int f = from;
                IntStream.range(0, b).parallel().forEach(i -> {
                    int base = i * m;
                    double xi = xx[f + i];
                    for (int j = 0; j < m; j++) g[base + j] = Math.sqrt(Math.max(-2 * g[base + j] + xi + yy[j], 0.0));
                });
                consumer.accept(from, to, g);
            }
        }
    }
}
