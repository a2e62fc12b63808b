package io.genaudit.metrics.numerics;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The OpenBLAS/LAPACK kernels behind the fidelity metrics, checked against naive triple loops on small random matrices
 * (column-major and row-major storage coincide for the symmetric ones).
 */
class DenseLinearAlgebraTest {

    private static double[] randomSpd(int n, long seed) {
        Random r = new Random(seed);
        double[] x = new double[n * n];
        for (int i = 0; i < x.length; i++) x[i] = r.nextGaussian();
        double[] s = new double[n * n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) {
            double v = i == j ? 0.5 : 0;
            for (int k = 0; k < n; k++) v += x[i * n + k] * x[j * n + k];
            s[i * n + j] = v;
        }
        return s;
    }

    @Test
    void congruenceWithCholeskyFactorIsLTransposeALAndKeepsTheEigenvaluesOfTheProduct() {
        int n = 7;
        double[] s1 = randomSpd(n, 1);
        double[] s2 = randomSpd(n, 2);
        try (OffHeapMatrix l = OffHeapMatrix.of(s1, n, n); OffHeapMatrix a = OffHeapMatrix.of(s2, n, n)) {
            assertTrue(DenseLinearAlgebra.choleskyLower(l));
            double[] lf = l.toArray(); // column-major: L[i][j] = lf[i + j n], lower triangle
            for (int i = 0; i < n; i++) for (int j = 0; j <= i; j++) {
                double v = 0;
                for (int k = 0; k <= j; k++) v += lf[i + k * n] * lf[j + k * n];
                assertEquals(s1[i * n + j], v, 1e-12, "L L^T at " + i + "," + j);
            }
            DenseLinearAlgebra.congruenceWithCholeskyFactor(a, l);
            double[] got = a.toArray();
            for (int i = 0; i < n; i++) for (int j = 0; j <= i; j++) {
                double v = 0; // (L^T S2 L)[i][j] = sum_{p >= i, q >= j} L[p][i] S2[p][q] L[q][j]
                for (int p = i; p < n; p++) for (int q = j; q < n; q++) v += lf[p + i * n] * s2[p * n + q] * lf[q + j * n];
                assertEquals(v, got[i + j * n], 1e-10 * Math.abs(v) + 1e-12, "L^T S2 L at " + i + "," + j);
            }
            // its eigenvalues are those of S1 S2: compare the traces of the matrix and of its square
            double[] ev = DenseLinearAlgebra.symmetricEigenvalues(a);
            double sum = 0, sumSq = 0, tr = 0, tr2 = 0;
            for (double e : ev) {
                sum += e;
                sumSq += e * e;
            }
            double[] p = new double[n * n];
            DenseLinearAlgebra.gemm(false, s1, false, s2, n, n, n, 1.0, 0.0, p);
            for (int i = 0; i < n; i++) {
                tr += p[i * n + i];
                for (int k = 0; k < n; k++) tr2 += p[i * n + k] * p[k * n + i];
            }
            assertEquals(tr, sum, 1e-10 * tr);
            assertEquals(tr2, sumSq, 1e-10 * tr2);
        }
    }

    @Test
    void choleskyReportsANonPositiveDefiniteMatrix() {
        double[] singular = {1, 1, 0, 1, 1, 0, 0, 0, 2};
        try (OffHeapMatrix m = OffHeapMatrix.of(singular, 3, 3)) {
            assertFalse(DenseLinearAlgebra.choleskyLower(m));
        }
    }

    @Test
    void symmetricEigenReturnsOrthonormalEigenvectorColumns() {
        int n = 6;
        double[] s = randomSpd(n, 3);
        try (OffHeapMatrix m = OffHeapMatrix.of(s, n, n)) {
            double[] w = DenseLinearAlgebra.symmetricEigen(m);
            double[] v = m.toArray();
            for (int j = 0; j < n; j++) {
                if (j > 0) assertTrue(w[j] >= w[j - 1], "ascending");
                for (int i = 0; i < n; i++) {
                    double sv = 0;
                    for (int k = 0; k < n; k++) sv += s[i * n + k] * v[k + j * n];
                    assertEquals(w[j] * v[i + j * n], sv, 1e-10 * w[n - 1], "S v = w v");
                }
                for (int k = 0; k < n; k++) {
                    double dot = 0;
                    for (int i = 0; i < n; i++) dot += v[i + j * n] * v[i + k * n];
                    assertEquals(j == k ? 1.0 : 0.0, dot, 1e-12);
                }
            }
        }
    }

    @Test
    void symmetricAndTransposedProductsOfColumnRanges() {
        int n = 5;
        int first = 2;
        int r = 3;
        double[] s = randomSpd(n, 4);
        double[] b = randomSpd(n, 5); // any n x n matrix; only columns 2..4 are used
        try (OffHeapMatrix sm = OffHeapMatrix.of(s, n, n); OffHeapMatrix bm = OffHeapMatrix.of(b, n, n);
             OffHeapMatrix t = new OffHeapMatrix(n, r); OffHeapMatrix c = new OffHeapMatrix(r, r)) {
            DenseLinearAlgebra.scaleColumn(bm, first, 2.0);
            double[] bs = bm.toArray();
            assertEquals(2 * b[first * n + 1], bs[1 + first * n], 0.0, "column scaled in place");
            DenseLinearAlgebra.symmetricTimes(sm, bm, first, r, t);
            DenseLinearAlgebra.transposeTimes(bm, first, r, t, c);
            double[] tt = t.toArray();
            double[] cc = c.toArray();
            for (int i = 0; i < n; i++) for (int j = 0; j < r; j++) {
                double v = 0;
                for (int k = 0; k < n; k++) v += s[i * n + k] * bs[k + (first + j) * n];
                assertEquals(v, tt[i + j * n], 1e-10 * Math.abs(v) + 1e-12);
            }
            for (int i = 0; i < r; i++) for (int j = 0; j < r; j++) {
                double v = 0;
                for (int k = 0; k < n; k++) v += bs[k + (first + i) * n] * tt[k + j * n];
                assertEquals(v, cc[i + j * r], 1e-10 * Math.abs(v) + 1e-12);
            }
        }
    }

    @Test
    void gemmMatchesLoopsWithTransposesAliasingAndBeta() {
        int m = 4, k = 3;
        Random r = new Random(6);
        double[] a = new double[m * k];
        for (int i = 0; i < a.length; i++) a[i] = r.nextGaussian();
        double[] c = new double[k * k];
        java.util.Arrays.fill(c, 1.0);
        // C = 2 A^T A + 0.5 C, with A passed as both operands
        DenseLinearAlgebra.gemm(true, a, false, a, k, k, m, 2.0, 0.5, c);
        for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) {
            double v = 0.5;
            for (int p = 0; p < m; p++) v += 2 * a[p * k + i] * a[p * k + j];
            assertEquals(v, c[i * k + j], 1e-12);
        }
        double[] g = new double[m * m];
        java.util.Arrays.fill(g, Double.NaN); // beta = 0: C is not read
        DenseLinearAlgebra.gemm(false, a, true, a, m, m, k, 1.0, 0.0, g);
        for (int i = 0; i < m; i++) for (int j = 0; j < m; j++) {
            double v = 0;
            for (int p = 0; p < k; p++) v += a[i * k + p] * a[j * k + p];
            assertEquals(v, g[i * m + j], 1e-12);
        }
    }

    @Test
    void symmetricPartAveragesWithTheTransposeAndNamesBadInput() {
        double[][] m = {{1, 2, 3}, {4, 5, 6}, {3, 8, 9}};
        assertArrayEquals(new double[]{1, 3, 3, 3, 5, 7, 3, 7, 9}, DenseLinearAlgebra.symmetricPart(m, 3, "sigma1"), 0.0);
        IllegalArgumentException ragged = assertThrows(IllegalArgumentException.class,
                () -> DenseLinearAlgebra.symmetricPart(new double[][]{{1, 2}, {3}}, 2, "sigma2"));
        assertTrue(ragged.getMessage().contains("sigma2") && ragged.getMessage().contains("row 1"), ragged.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> DenseLinearAlgebra.symmetricPart(new double[][]{{1, 2}, {Double.POSITIVE_INFINITY, 1}}, 2, "sigma1"));
        assertTrue(nan.getMessage().contains("sigma1") && nan.getMessage().contains("NaN or infinity"), nan.getMessage());
        // a large matrix crosses several cache tiles
        int n = 70;
        double[][] big = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) big[i][j] = i * 1000 + j;
        double[] sym = DenseLinearAlgebra.symmetricPart(big, n, "big");
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) assertEquals(0.5 * (big[i][j] + big[j][i]), sym[i * n + j], 0.0);
        double[] flat = new double[n * n];
        for (int i = 0; i < n; i++) System.arraycopy(big[i], 0, flat, i * n, n);
        DenseLinearAlgebra.symmetrize(flat, n);
        assertArrayEquals(sym, flat, 0.0);
    }
}
