package io.genaudit.metrics.numerics;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** The distances of a pair have the same bits in every tiling (what a cluster's tiled k-NN relies on). */
class PairwiseDistancesTest {

    private static double[] rows(int n, int d, long seed) {
        Random r = new Random(seed);
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) x[i] = r.nextGaussian() * (1 + i % 3);
        // duplicates: rows 3 and 4 copy row 2 (zero distances, ties in the k-NN radii)
        System.arraycopy(x, 2 * d, x, 3 * d, d);
        System.arraycopy(x, 2 * d, x, 4 * d, d);
        return x;
    }

    @Test
    void dotProductsAreThePlainSumInFeatureOrder() {
        int d = 131;
        double[] x = rows(9, d, 1);
        double[] y = rows(7, d, 2);
        double[] out = new double[5 * 6];
        PairwiseDistances.dotProducts(x, 2, 5, y, 1, 6, d, out, 0, 6);
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 6; j++) {
                double s = 0;
                for (int k = 0; k < d; k++) s += x[(2 + i) * d + k] * y[(1 + j) * d + k];
                assertEquals(Double.doubleToRawLongBits(s), Double.doubleToRawLongBits(out[i * 6 + j]), "pair " + i + "," + j);
            }
        }
    }

    @Test
    void everyBlockShapeAndOffsetGivesThePlainSum() {
        // shapes around the 4 x 4 register block (whole blocks, row and column remainders, both), at offsets and with
        // a wider output stride; magnitudes spread over 2^-20..2^20 so that any other summation order changes the bits
        int d = 37;
        Random rnd = new Random(7);
        double[] x = new double[12 * d];
        double[] y = new double[13 * d];
        for (double[] a : new double[][]{x, y}) {
            for (int i = 0; i < a.length; i++) a[i] = rnd.nextGaussian() * Math.scalb(1.0, rnd.nextInt(41) - 20);
        }
        x[3 * d + 5] = -0.0;
        for (int q = 1; q <= 9; q++) {
            for (int r = 1; r <= 9; r++) {
                int xFrom = q % 3;
                int yFrom = 13 - r - r % 4;
                int stride = r + 3;
                double[] out = new double[2 + q * stride];
                Arrays.fill(out, Double.NaN);
                PairwiseDistances.dotProducts(x, xFrom, q, y, yFrom, r, d, out, 2, stride);
                for (int i = 0; i < q; i++) {
                    for (int j = 0; j < r; j++) {
                        double s = 0;
                        for (int k = 0; k < d; k++) s += x[(xFrom + i) * d + k] * y[(yFrom + j) * d + k];
                        assertEquals(Double.doubleToRawLongBits(s), Double.doubleToRawLongBits(out[2 + i * stride + j]),
                                "q=" + q + " r=" + r + " pair " + i + "," + j);
                    }
                    for (int j = r; j < stride && 2 + i * stride + j < out.length; j++) {
                        assertTrue(Double.isNaN(out[2 + i * stride + j]), "q=" + q + " r=" + r + " wrote outside its tile");
                    }
                }
                assertTrue(Double.isNaN(out[0]) && Double.isNaN(out[1]), "wrote before outOffset");
            }
        }
    }

    @Test
    void everyTilingGivesTheSameBitsAndRadii() {
        int n = 600;
        int d = 70;
        double[] x = rows(n, d, 3);
        double[] whole = new double[n * n];
        PairwiseDistances.forEachBlock(x, n, x, n, d, true, (from, to, dist) -> System.arraycopy(dist, 0, whole, from * n, dist.length));
        double[] xx = PairwiseDistances.squaredNorms(x, n, d);
        for (int block : new int[]{1, 97, 256, 599}) {
            for (int q0 = 0; q0 < n; q0 += block) {
                int q = Math.min(n, q0 + block) - q0;
                double[][] best = new double[q][];
                for (int r0 = 0; r0 < n; r0 += block) {
                    int r = Math.min(n, r0 + block) - r0;
                    double[] xq = Arrays.copyOfRange(x, q0 * d, (q0 + q) * d);
                    double[] xr = Arrays.copyOfRange(x, r0 * d, (r0 + r) * d);
                    double[] t = new double[q * r];
                    PairwiseDistances.tile(xq, Arrays.copyOfRange(xx, q0, q0 + q), 0, q, xr, Arrays.copyOfRange(xx, r0, r0 + r), 0, r, d,
                            q0 - r0, t, 0, r);
                    for (int i = 0; i < q; i++) {
                        for (int j = 0; j < r; j++) {
                            assertEquals(whole[(q0 + i) * n + r0 + j], t[i * r + j], 0.0, "block " + block + " pair " + (q0 + i) + "," + (r0 + j));
                        }
                        double[] s = PairwiseDistances.smallest(t, i * r, r, 6);
                        best[i] = best[i] == null ? s : PairwiseDistances.mergeSmallest(best[i], s);
                    }
                }
                for (int i = 0; i < q; i++) {
                    assertEquals(PairwiseDistances.kthSmallest(whole, (q0 + i) * n, n, 5), best[i][5], 0.0);
                }
            }
        }
        assertEquals(0.0, whole[2 * n + 3], 0.0, "duplicate rows are 0 apart (after the clamp)");
    }
}
