package io.genaudit.audits.coverage;

import java.util.SplittableRandom;

/**
 * Two isotropic Gaussian feature distributions, real N(0, I) and generated N(shift·1, scale²·I) in d dimensions, with
 * their analytic Fréchet distance d·shift² + d·(1 − scale)²: the simulated "real" and "generated" feature sets of the
 * fidelity coverage cases.
 */
public record GaussianFeatures(int dim, double shift, double scale) {

    /** The population FID of the two distributions. */
    public double populationFid() {
        return dim * shift * shift + dim * (1 - scale) * (1 - scale);
    }

    public double[][] real(SplittableRandom r, int n) {
        return rows(r, n, 0, 1);
    }

    public double[][] generated(SplittableRandom r, int n) {
        return rows(r, n, shift, scale);
    }

    private double[][] rows(SplittableRandom r, int n, double mean, double sd) {
        double[][] x = new double[n][dim];
        for (double[] row : x) for (int j = 0; j < dim; j++) row[j] = mean + sd * r.nextGaussian();
        return x;
    }

    @Override
    public String toString() {
        return "N(0,I) vs N(" + shift + "·1, " + scale + "²·I), d=" + dim;
    }
}
