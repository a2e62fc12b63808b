package io.genaudit.metrics.fidelity;

import io.genaudit.metrics.numerics.DenseLinearAlgebra;
import io.genaudit.metrics.numerics.NumpyRandomState;
import java.util.Arrays;

/**
 * Kernel Inception Distance (Bińkowski et al. 2018) as torch-fidelity computes it: the unbiased MMD^2 estimate with
 * the polynomial kernel {@code k(x, y) = (x.y / d + 1)^3}, averaged over {@code subsets} random subsets of
 * {@code subsetSize} rows drawn without replacement from each set; the reported spread is numpy's population
 * standard deviation over subsets. Subsets come from {@link NumpyRandomState} so that the same seed picks the same
 * rows as torch-fidelity. The subset size is capped at the smaller set; with a single subset the first
 * {@code subsetSize} rows of each set are used as they are (deterministic, no shuffling). Computed in float64.
 *
 * @param subsets    subsets the MMD^2 is averaged over
 * @param subsetSize rows per subset (capped at the smaller set)
 * @param seed       the subsets' seed, folded to 32 bits as numpy's {@code RandomState} takes it
 */
public record KernelInceptionDistance(int subsets, int subsetSize, long seed) {
    /** torch-fidelity's defaults. */
    public static final int DEFAULT_SUBSETS = 100;
    public static final int DEFAULT_SUBSET_SIZE = 1000;
    public static final long TORCH_FIDELITY_SEED = 2020;

    public KernelInceptionDistance {
        if (subsets < 1) throw new IllegalArgumentException("KID needs at least one subset, got " + subsets);
        if (subsetSize < 2) throw new IllegalArgumentException("KID subset size must be at least 2, got " + subsetSize);
        seed = seed & 0xFFFFFFFFL;
    }

    /**
     * KID mean and spread.
     *
     * @param mean       mean MMD^2 over subsets (the KID value)
     * @param std        population standard deviation over subsets (torch-fidelity's {@code kernel_inception_distance_std})
     * @param perSubset  MMD^2 of each subset in draw order
     * @param subsetSize the subset size actually used (after capping)
     */
    public record Result(double mean, double std, double[] perSubset, int subsets, int subsetSize, long seed) {
    }

    /** The subset size that will be used for sets of {@code n1} and {@code n2} rows. */
    public int effectiveSubsetSize(int n1, int n2) {
        return Math.min(subsetSize, Math.min(n1, n2));
    }

    public Result compute(double[][] real, double[][] fake) {
        if (real.length < 2 || fake.length < 2) throw new IllegalArgumentException("KID needs at least 2 rows per set");
        int d = real[0].length;
        if (fake[0].length != d) throw new IllegalArgumentException("feature dimensions differ: " + d + " vs " + fake[0].length);
        int m = effectiveSubsetSize(real.length, fake.length);
        double[] mmds = new double[subsets];
        if (subsets == 1) {
            mmds[0] = mmd2(gather(real, identity(m), d), gather(fake, identity(m), d), m, d);
        } else {
            NumpyRandomState rng = new NumpyRandomState(seed);
            for (int s = 0; s < subsets; s++) {
                int[] i1 = rng.choiceWithoutReplacement(real.length, m);
                int[] i2 = rng.choiceWithoutReplacement(fake.length, m);
                mmds[s] = mmd2(gather(real, i1, d), gather(fake, i2, d), m, d);
            }
        }
        double mean = Arrays.stream(mmds).sum() / subsets;
        double ss = 0;
        for (double v : mmds) ss += (v - mean) * (v - mean);
        return new Result(mean, Math.sqrt(ss / subsets), mmds, subsets, m, seed);
    }

    /** Unbiased MMD^2 of two [m, d] row-major sets with the cubic polynomial kernel (torch-fidelity's {@code mmd2}). */
    static double mmd2(double[] x, double[] y, int m, int d) {
        double kxx = kernelSum(x, x, m, d, true);
        double kyy = kernelSum(y, y, m, d, true);
        double kxy = kernelSum(x, y, m, d, false);
        return (kxx + kyy) / ((double) m * (m - 1)) - 2 * kxy / ((double) m * m);
    }

    private static double kernelSum(double[] a, double[] b, int m, int d, boolean dropDiagonal) {
        double[] g = new double[m * m];
        DenseLinearAlgebra.gemm(false, a, true, b, m, m, d, 1.0, 0.0, g);
        double gamma = 1.0 / d;
        double total = 0;
        for (int i = 0; i < m; i++) {
            double row = 0;
            int base = i * m;
            for (int j = 0; j < m; j++) {
                if (dropDiagonal && i == j) continue;
                double k = g[base + j] * gamma + 1.0;
                row += k * k * k;
            }
            total += row;
        }
        return total;
    }

    private static int[] identity(int m) {
        int[] a = new int[m];
        for (int i = 0; i < m; i++) a[i] = i;
        return a;
    }

    private static double[] gather(double[][] rows, int[] idx, int d) {
        double[] out = new double[idx.length * d];
        for (int i = 0; i < idx.length; i++) System.arraycopy(rows[idx[i]], 0, out, i * d, d);
        return out;
    }
}
