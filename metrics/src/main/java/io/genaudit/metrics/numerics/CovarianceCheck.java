package io.genaudit.metrics.numerics;

import io.genaudit.engine.InputException;

import java.util.Locale;

/**
 * Checks a covariance matrix read from a file before any distance is computed on it: it must be symmetric positive
 * semi-definite, or the Fréchet distance can come out negative. Tolerance: the smallest eigenvalue may be as low as
 * {@code -}{@value #RELATIVE_TOLERANCE}{@code  * max(|largest eigenvalue|, 1e-300)} (rounding in a float32 or
 * float64 export); anything more negative is refused.
 */
public final class CovarianceCheck {
    /** How negative the smallest eigenvalue may be, relative to the largest one. */
    public static final double RELATIVE_TOLERANCE = 1e-5;

    private CovarianceCheck() {
    }

    /** Throws an InputException naming {@code source} and {@code name} when {@code s} (symmetric, n x n) is not PSD. */
    public static void requirePositiveSemiDefinite(double[][] s, String source, String name) {
        int n = s.length;
        if (n == 0) return;
        double[] flat = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) flat[j * n + i] = s[i][j];
        }
        double[] ev;
        try (OffHeapMatrix a = OffHeapMatrix.of(flat, n, n)) {
            ev = DenseLinearAlgebra.symmetricEigenvalues(a);
        }
        double min = ev[0], max = ev[n - 1];
        double allowed = -RELATIVE_TOLERANCE * Math.max(Math.abs(max), 1e-300);
        if (!(min >= allowed)) {
            throw new InputException(source, String.format(Locale.ROOT,
                    "'%s' is not positive semi-definite: smallest eigenvalue %.6g (largest %.6g; tolerance %.1g relative),"
                            + " so it is not a covariance matrix", name, min, max, RELATIVE_TOLERANCE));
        }
    }
}
