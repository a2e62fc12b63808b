package io.genaudit.metrics.fidelity;

import smile.math.blas.BLAS;
import smile.math.blas.EVDJob;
import smile.math.blas.LAPACK;
import smile.math.blas.Layout;
import smile.math.blas.Transpose;
import smile.math.blas.UPLO;

/**
 * The few dense kernels the fidelity metrics need, on row-major {@code double[]} matrices, backed by Smile's bundled
 * OpenBLAS/LAPACK: matrix products, Cholesky and symmetric eigenvalues. Kept in one place so every metric uses the
 * same numerics.
 */
final class DenseLinearAlgebra {
    private DenseLinearAlgebra() {
    }

    /** C[m,n] = alpha * op(A) op(B) + beta * C, all row-major; op(A) is [m,k], op(B) is [k,n]. */
    static void gemm(boolean transA, double[] a, boolean transB, double[] b, int m, int n, int k,
                     double alpha, double beta, double[] c) {
        if (m == 0 || n == 0) return;
        if (k == 0) {
            for (int i = 0; i < m * n; i++) c[i] *= beta;
            return;
        }
        int lda = transA ? m : k;
        int ldb = transB ? k : n;
        BLAS.engine.gemm(Layout.ROW_MAJOR, transA ? Transpose.TRANSPOSE : Transpose.NO_TRANSPOSE,
                transB ? Transpose.TRANSPOSE : Transpose.NO_TRANSPOSE, m, n, k, alpha, a, lda, b, ldb, beta, c, n);
    }

    /**
     * In-place Cholesky factorization of a symmetric [n,n] matrix; on success {@code a} holds the lower factor L
     * (upper triangle zeroed) and true is returned; false when the matrix is not numerically positive definite.
     */
    static boolean cholesky(double[] a, int n) {
        int info = LAPACK.engine.potrf(Layout.ROW_MAJOR, UPLO.LOWER, n, a, n);
        if (info != 0) return false;
        for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) a[i * n + j] = 0;
        return true;
    }

    /** Eigenvalues (ascending) of the symmetric [n,n] matrix {@code a}; {@code a} is destroyed. */
    static double[] symmetricEigenvalues(double[] a, int n) {
        double[] w = new double[n];
        int info = LAPACK.engine.syevd(Layout.ROW_MAJOR, EVDJob.NO_VECTORS, UPLO.LOWER, n, a, n, w);
        if (info != 0) throw new ArithmeticException("symmetric eigenvalue solver (dsyevd) failed to converge, info=" + info);
        return w;
    }

    /**
     * Eigen-decomposition of the symmetric [n,n] matrix {@code a}: returns the eigenvalues (ascending) and overwrites
     * {@code a} with the eigenvectors as columns (row-major: {@code a[i*n+j]} is component i of vector j).
     */
    static double[] symmetricEigen(double[] a, int n) {
        double[] w = new double[n];
        int info = LAPACK.engine.syevd(Layout.ROW_MAJOR, EVDJob.VECTORS, UPLO.LOWER, n, a, n, w);
        if (info != 0) throw new ArithmeticException("symmetric eigen-decomposition (dsyevd) failed to converge, info=" + info);
        return w;
    }

    /** Row-major copy of a square matrix given as rows. */
    static double[] flatten(double[][] m) {
        int n = m.length;
        int cols = n == 0 ? 0 : m[0].length;
        double[] out = new double[n * cols];
        for (int i = 0; i < n; i++) {
            if (m[i].length != cols) throw new IllegalArgumentException("ragged matrix: row " + i + " has " + m[i].length + " columns, expected " + cols);
            System.arraycopy(m[i], 0, out, i * cols, cols);
        }
        return out;
    }

    /** Makes the row-major square matrix exactly symmetric: a = (a + a^T) / 2. */
    static void symmetrize(double[] a, int n) {
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double v = 0.5 * (a[i * n + j] + a[j * n + i]);
                a[i * n + j] = v;
                a[j * n + i] = v;
            }
        }
    }
}
