package io.genaudit.metrics.numerics;

import org.bytedeco.javacpp.DoublePointer;
import smile.math.blas.BLAS;
import smile.math.blas.LAPACK;

import static org.bytedeco.openblas.global.openblas.CblasColMajor;
import static org.bytedeco.openblas.global.openblas.CblasLeft;
import static org.bytedeco.openblas.global.openblas.CblasLower;
import static org.bytedeco.openblas.global.openblas.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas.CblasTrans;
import static org.bytedeco.openblas.global.openblas.LAPACK_COL_MAJOR;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dpotrf;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dsyevd;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dsygst;
import static org.bytedeco.openblas.global.openblas.cblas_dgemm;
import static org.bytedeco.openblas.global.openblas.cblas_dscal;
import static org.bytedeco.openblas.global.openblas.cblas_dsymm;

/**
 * The few dense kernels the metrics need (Fréchet distance, KID, covariance checks), backed by the OpenBLAS/LAPACK that Smile bundles
 * ({@code org.bytedeco:openblas}, multi-threaded over all cores unless {@code OPENBLAS_NUM_THREADS} says otherwise):
 * matrix products on row-major {@code double[]} arrays, and Cholesky, the symmetric-definite reduction and symmetric
 * eigenvalues on {@link OffHeapMatrix} operands (column-major, lower triangle referenced). Kept in one place so every
 * metric uses the same numerics.
 */
public final class DenseLinearAlgebra {
    /** Tile edge of the cache-blocked symmetric copies (two 32x32 double tiles fit in L1). */
    private static final int TILE = 32;

    static {
        // let Smile choose and load the native library (it picks the system BLAS on macOS) before bytedeco's
        // bindings below are first used
        if (LAPACK.engine == null || BLAS.engine == null) throw new IllegalStateException("Smile BLAS/LAPACK not available");
    }

    private DenseLinearAlgebra() {
    }

    /**
     * C[m,n] = alpha * op(A) op(B) + beta * C, all row-major; op(A) is [m,k], op(B) is [k,n]. The operands are staged
     * in native memory for the call (C copied in only when beta != 0), which costs a fraction of JavaCPP's copy-in and
     * copy-back of Java arrays; the product is OpenBLAS's {@code dgemm} either way.
     */
    public static void gemm(boolean transA, double[] a, boolean transB, double[] b, int m, int n, int k,
                     double alpha, double beta, double[] c) {
        if (m == 0 || n == 0) return;
        if (k == 0) {
            for (int i = 0; i < m * n; i++) c[i] *= beta;
            return;
        }
        int lda = transA ? m : k;
        int ldb = transB ? k : n;
        try (DoublePointer pa = staged(a); DoublePointer pb = b == a ? null : staged(b);
             DoublePointer pc = new DoublePointer((long) m * n)) {
            if (beta != 0) pc.put(c, 0, m * n);
            cblas_dgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
                    m, n, k, alpha, pa, lda, pb == null ? pa : pb, ldb, beta, pc, n);
            pc.get(c, 0, m * n);
        }
    }

    private static DoublePointer staged(double[] values) {
        DoublePointer p = new DoublePointer(Math.max(1, values.length));
        p.put(values, 0, values.length);
        return p;
    }

    /**
     * In-place Cholesky factorization (LAPACK {@code dpotrf}) of the symmetric square matrix {@code a}, whose lower
     * triangle is read. On success the lower triangle holds L with {@code A = L L^T} (the strict upper triangle is left
     * as it was) and true is returned; false when the matrix is not numerically positive definite, {@code a} then
     * being partly overwritten.
     */
    public static boolean choleskyLower(OffHeapMatrix a) {
        int n = square(a);
        int info = LAPACKE_dpotrf(LAPACK_COL_MAJOR, (byte) 'L', n, a.pointer(), n);
        if (info < 0) throw new IllegalStateException("dpotrf rejected argument " + (-info));
        return info == 0;
    }

    /**
     * Replaces the symmetric {@code a} (lower triangle) by {@code L^T A L}, lower triangle, where L is the Cholesky
     * factor left in {@code lowerFactor} by {@link #choleskyLower}: LAPACK {@code dsygst} with {@code itype = 2},
     * which reduces {@code A B x = lambda x} (B = L L^T) to a standard symmetric problem in about n^3 flops, half the
     * cost of forming the product with two general matrix multiplications. {@code L^T A L} is similar to {@code A B}.
     */
    public static void congruenceWithCholeskyFactor(OffHeapMatrix a, OffHeapMatrix lowerFactor) {
        int n = square(a);
        if (square(lowerFactor) != n) throw new IllegalArgumentException("factor is " + lowerFactor.rows() + "x" + lowerFactor.cols() + ", expected " + n + "x" + n);
        int info = LAPACKE_dsygst(LAPACK_COL_MAJOR, 2, (byte) 'L', n, a.pointer(), n, lowerFactor.pointer(), n);
        if (info != 0) throw new IllegalStateException("dsygst rejected argument " + (-info));
    }

    /**
     * Eigenvalues (ascending) of the symmetric matrix {@code a} (lower triangle read; {@code a} is destroyed): LAPACK
     * {@code dsyevd} without eigenvectors, i.e. Householder tridiagonalization ({@code dsytrd}) followed by the
     * root-free QR iteration {@code dsterf}.
     */
    public static double[] symmetricEigenvalues(OffHeapMatrix a) {
        return syevd(a, (byte) 'N', "symmetric eigenvalue solver");
    }

    /**
     * Eigen-decomposition of the symmetric matrix {@code a} (lower triangle read): returns the eigenvalues (ascending)
     * and overwrites {@code a} with the orthonormal eigenvectors as its columns, in the same order.
     */
    public static double[] symmetricEigen(OffHeapMatrix a) {
        return syevd(a, (byte) 'V', "symmetric eigen-decomposition");
    }

    private static double[] syevd(OffHeapMatrix a, byte jobz, String what) {
        int n = square(a);
        double[] w = new double[n];
        if (n == 0) return w;
        try (DoublePointer wp = new DoublePointer(n)) {
            int info = LAPACKE_dsyevd(LAPACK_COL_MAJOR, jobz, (byte) 'L', n, a.pointer(), n, wp);
            if (info < 0) throw new IllegalStateException("dsyevd rejected argument " + (-info));
            if (info > 0) throw new ArithmeticException(what + " (dsyevd) failed to converge, info=" + info);
            wp.get(w);
        }
        return w;
    }

    /** Multiplies column {@code j} of {@code a} by {@code factor} in place. */
    public static void scaleColumn(OffHeapMatrix a, int j, double factor) {
        cblas_dscal(a.rows(), factor, a.column(j), 1);
    }

    /**
     * {@code C = S B} for a symmetric square S (lower triangle read) and the {@code cols} columns of {@code b} starting
     * at {@code firstCol}; C is [S.rows, cols].
     */
    public static void symmetricTimes(OffHeapMatrix s, OffHeapMatrix b, int firstCol, int cols, OffHeapMatrix c) {
        int n = square(s);
        if (b.rows() != n || c.rows() != n || c.cols() != cols || firstCol + cols > b.cols()) throw new IllegalArgumentException("shape mismatch in symmetricTimes");
        if (cols == 0) return;
        cblas_dsymm(CblasColMajor, CblasLeft, CblasLower, n, cols, 1.0, s.pointer(), n, b.column(firstCol), n, 0.0, c.pointer(), n);
    }

    /** {@code C = B^T A} for the {@code cols} columns of {@code b} starting at {@code firstCol}; A is [b.rows, C.cols]. */
    public static void transposeTimes(OffHeapMatrix b, int firstCol, int cols, OffHeapMatrix a, OffHeapMatrix c) {
        int k = b.rows();
        if (a.rows() != k || c.rows() != cols || c.cols() != a.cols() || firstCol + cols > b.cols()) throw new IllegalArgumentException("shape mismatch in transposeTimes");
        if (cols == 0 || a.cols() == 0) return;
        cblas_dgemm(CblasColMajor, CblasTrans, CblasNoTrans, cols, a.cols(), k, 1.0, b.column(firstCol), k, a.pointer(), k, 0.0, c.pointer(), cols);
    }

    private static int square(OffHeapMatrix a) {
        if (a.rows() != a.cols()) throw new IllegalArgumentException("expected a square matrix, got " + a.rows() + "x" + a.cols());
        return a.rows();
    }

    /**
     * The symmetric part {@code (M + M^T) / 2} of the square matrix {@code m} (given as rows) as a flat array; being
     * symmetric, it reads the same row-major or column-major. Entries that already agree are copied unchanged.
     *
     * @param name what the matrix is, for error messages
     * @throws IllegalArgumentException when {@code m} is not {@code n x n} or holds NaN or infinity
     */
    public static double[] symmetricPart(double[][] m, int n, String name) {
        if (m.length != n) throw new IllegalArgumentException(name + " has " + m.length + " rows, expected " + n);
        for (int i = 0; i < n; i++) {
            if (m[i].length != n) throw new IllegalArgumentException(name + " must be square [" + n + "," + n + "]: row " + i + " has " + m[i].length + " columns");
        }
        double[] out = new double[n * n];
        for (int ib = 0; ib < n; ib += TILE) {
            int ie = Math.min(n, ib + TILE);
            for (int jb = 0; jb <= ib; jb += TILE) {
                int je = Math.min(n, jb + TILE);
                for (int i = ib; i < ie; i++) {
                    double[] row = m[i];
                    int jEnd = Math.min(je, i + 1);
                    for (int j = jb; j < jEnd; j++) {
                        double x = row[j];
                        double y = m[j][i];
                        if (!Double.isFinite(x) || !Double.isFinite(y)) {
                            throw new IllegalArgumentException(name + " contains NaN or infinity at [" + i + "," + j + "]");
                        }
                        double v = x == y ? x : 0.5 * (x + y);
                        out[i * n + j] = v;
                        out[j * n + i] = v;
                    }
                }
            }
        }
        return out;
    }

    /** Makes the row-major square matrix exactly symmetric: a = (a + a^T) / 2. */
    public static void symmetrize(double[] a, int n) {
        for (int ib = 0; ib < n; ib += TILE) {
            int ie = Math.min(n, ib + TILE);
            for (int jb = ib; jb < n; jb += TILE) {
                int je = Math.min(n, jb + TILE);
                for (int i = ib; i < ie; i++) {
                    for (int j = Math.max(jb, i + 1); j < je; j++) {
                        double v = 0.5 * (a[i * n + j] + a[j * n + i]);
                        a[i * n + j] = v;
                        a[j * n + i] = v;
                    }
                }
            }
        }
    }
}
