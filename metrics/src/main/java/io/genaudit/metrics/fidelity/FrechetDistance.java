package io.genaudit.metrics.fidelity;

import io.genaudit.metrics.numerics.DenseLinearAlgebra;
import io.genaudit.metrics.numerics.OffHeapMatrix;

/**
 * Fréchet distance between two Gaussians, the quantity behind FID:
 * {@code ||mu1 - mu2||^2 + tr(S1) + tr(S2) - 2 tr(sqrt(S1 S2))}, in float64.
 *
 * <p>pytorch-fid obtains {@code tr sqrt(S1 S2)} from {@code scipy.linalg.sqrtm} of the non-symmetric product. genaudit
 * uses the symmetric route instead: the eigenvalues of {@code S1 S2} are those of a symmetric PSD matrix similar to it,
 * and {@code tr sqrt(S1 S2)} is the sum of their square roots, tiny negative eigenvalues (rounding) clamped to 0. When
 * S1 is numerically positive definite ({@code dpotrf} succeeds, {@code S1 = L L^T}) that matrix is {@code L^T S2 L},
 * formed in place by LAPACK's {@code dsygst} (the reduction of the generalized problem {@code S2 S1 x = lambda x}),
 * and only its eigenvalues are computed ({@code dsyevd}, no eigenvectors): about {@code 8/3 n^3} flops in all.
 * Otherwise {@code sqrt(S1)} comes from the eigen-decomposition of S1, restricted to its positive eigenvalues, which is
 * exact for singular covariances (fewer samples than dimensions). Both covariances are symmetrized
 * ({@code (S + S^T) / 2}) and kept in native memory for the whole LAPACK chain.
 *
 * <p>Offset rule: pytorch-fid adds {@code eps = 1e-6} to the diagonals of both covariances when sqrtm's result is not
 * finite. The symmetric route is finite for every finite PSD input, so genaudit applies the same offset automatically
 * only when its own computation fails (LAPACK non-convergence or a non-finite trace), and {@link #compute(double[],
 * double[][], double[], double[][], double)} applies it unconditionally to reproduce a pytorch-fid run that printed
 * "adding 1e-06 to diagonal of cov estimates". {@link Result#offsetApplied()} says whether it was used.
 */
public final class FrechetDistance {
    /** pytorch-fid's diagonal offset. */
    public static final double PYTORCH_FID_EPS = 1e-6;

    private FrechetDistance() {
    }

    /**
     * The distance and its parts.
     *
     * @param value             the Fréchet distance
     * @param meanTerm          {@code ||mu1 - mu2||^2}
     * @param trace1            {@code tr S1} (offset included when applied)
     * @param trace2            {@code tr S2}
     * @param traceSqrtProduct  {@code tr sqrt(S1 S2)}
     * @param offsetApplied     whether {@code eps I} was added to both covariances
     * @param method            {@code cholesky} or {@code eigen} (how {@code sqrt(S1)} was formed)
     */
    public record Result(double value, double meanTerm, double trace1, double trace2, double traceSqrtProduct,
                         boolean offsetApplied, String method) {
    }

    /** Distance between two sets of statistics. */
    public static Result compute(GaussianStatistics a, GaussianStatistics b) {
        return compute(a.mean(), a.covariance(), b.mean(), b.covariance());
    }

    /** Distance from means and covariances (pytorch-fid's {@code calculate_frechet_distance} without the forced offset). */
    public static Result compute(double[] mu1, double[][] sigma1, double[] mu2, double[][] sigma2) {
        Result r = computeOnce(mu1, sigma1, mu2, sigma2, 0.0, null);
        if (r != null && Double.isFinite(r.value())) return r;
        return computeOnce(mu1, sigma1, mu2, sigma2, PYTORCH_FID_EPS, null);
    }

    /** Distance with {@code eps I} added to both covariances (pytorch-fid's fallback branch, forced). */
    public static Result compute(double[] mu1, double[][] sigma1, double[] mu2, double[][] sigma2, double eps) {
        return computeOnce(mu1, sigma1, mu2, sigma2, eps, null);
    }

    /** Same as {@link #compute(double[], double[][], double[], double[][])} with the route forced (tests). */
    static Result compute(double[] mu1, double[][] sigma1, double[] mu2, double[][] sigma2, String forceMethod) {
        return computeOnce(mu1, sigma1, mu2, sigma2, 0.0, forceMethod);
    }

    private static Result computeOnce(double[] mu1, double[][] sigma1, double[] mu2, double[][] sigma2, double eps,
                                      String forceMethod) {
        int n = mu1.length;
        if (mu2.length != n || sigma1.length != n || sigma2.length != n) {
            throw new IllegalArgumentException("dimension mismatch: mu1 " + n + ", mu2 " + mu2.length + ", sigma1 "
                    + sigma1.length + ", sigma2 " + sigma2.length);
        }
        double[] s1 = DenseLinearAlgebra.symmetricPart(sigma1, n, "sigma1");
        double[] s2 = DenseLinearAlgebra.symmetricPart(sigma2, n, "sigma2");
        if (eps != 0) {
            for (int i = 0; i < n; i++) {
                s1[i * n + i] += eps;
                s2[i * n + i] += eps;
            }
        }
        double meanTerm = 0;
        for (int i = 0; i < n; i++) {
            double d = mu1[i] - mu2[i];
            meanTerm += d * d;
        }
        double tr1 = 0;
        double tr2 = 0;
        for (int i = 0; i < n; i++) {
            tr1 += s1[i * n + i];
            tr2 += s2[i * n + i];
        }
        String[] method = new String[1];
        double trSqrt;
        try {
            trSqrt = traceSqrtProduct(s1, s2, n, forceMethod, method);
        } catch (ArithmeticException e) {
            return null;
        }
        double value = meanTerm + tr1 + tr2 - 2 * trSqrt;
        return new Result(value, meanTerm, tr1, tr2, trSqrt, eps != 0, method[0]);
    }

    /**
     * {@code tr sqrt(S1 S2)} for symmetric PSD S1, S2 given as flat symmetric arrays (not modified): the sum of the
     * square roots of the eigenvalues of a symmetric matrix similar to {@code S1 S2}.
     */
    static double traceSqrtProduct(double[] s1, double[] s2, int n, String forceMethod, String[] methodOut) {
        double[] ev;
        try (OffHeapMatrix a = OffHeapMatrix.of(s1, n, n); OffHeapMatrix b = OffHeapMatrix.of(s2, n, n)) {
            if (!"eigen".equals(forceMethod) && DenseLinearAlgebra.choleskyLower(a)) {
                // S1 = L L^T; L^T S2 L is similar to S2 S1 and hence to S1 S2
                DenseLinearAlgebra.congruenceWithCholeskyFactor(b, a);
                ev = DenseLinearAlgebra.symmetricEigenvalues(b);
                methodOut[0] = "cholesky";
            } else {
                if ("cholesky".equals(forceMethod)) throw new IllegalStateException("sigma1 is not positive definite");
                methodOut[0] = "eigen";
                ev = eigenRouteEigenvalues(a, s1, b, n);
            }
        }
        double sum = 0;
        for (int i = ev.length - 1; i >= 0; i--) sum += Math.sqrt(Math.max(ev[i], 0.0));
        if (!Double.isFinite(sum)) throw new ArithmeticException("non-finite trace of sqrt(S1 S2)");
        return sum;
    }

    /**
     * Eigenvalues of {@code P^T S2 P} with {@code P = V_+ diag(sqrt(w_+))} from the eigen-decomposition of S1
     * restricted to its positive eigenvalues, so that {@code P P^T = sqrt(S1)^2 = S1} on its range and
     * {@code P^T S2 P} has the nonzero eigenvalues of {@code S1 S2}. {@code work} is overwritten.
     */
    private static double[] eigenRouteEigenvalues(OffHeapMatrix work, double[] s1, OffHeapMatrix s2, int n) {
        work.set(s1); // a failed Cholesky leaves it partly overwritten
        double[] w = DenseLinearAlgebra.symmetricEigen(work);
        int first = 0;
        while (first < n && !(w[first] > 0)) first++;
        int r = n - first;
        if (r == 0) return new double[0];
        for (int j = first; j < n; j++) DenseLinearAlgebra.scaleColumn(work, j, Math.sqrt(w[j]));
        try (OffHeapMatrix t = new OffHeapMatrix(n, r); OffHeapMatrix m = new OffHeapMatrix(r, r)) {
            DenseLinearAlgebra.symmetricTimes(s2, work, first, r, t);
            DenseLinearAlgebra.transposeTimes(work, first, r, t, m);
            return DenseLinearAlgebra.symmetricEigenvalues(m);
        }
    }
}
