package io.genaudit.metrics.bias;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularMatrixException;

import java.util.Arrays;

/**
 * Corrects observed class proportions for a classifier's errors: with the confusion matrix C (rows = true class,
 * columns = predicted, rows normalised; estimated on labelled calibration images) the predicted proportions are
 * q = C^T p, so p = solve(C^T, q), projected onto the probability simplex (Euclidean projection) because sampling
 * noise can push the solution outside it.
 */
public final class ConfusionCorrection {
    private ConfusionCorrection() {
    }

    /** Row-normalised confusion matrix from calibration labels; a class absent from the calibration set is an error. */
    public static double[][] confusion(int[] trueLabels, int[] predicted, int k, int[] idx) {
        double[][] c = new double[k][k];
        int n = idx == null ? trueLabels.length : idx.length;
        for (int m = 0; m < n; m++) {
            int i = idx == null ? m : idx[m];
            c[trueLabels[i]][predicted[i]]++;
        }
        for (int r = 0; r < k; r++) {
            double s = Arrays.stream(c[r]).sum();
            if (s == 0) {
                // no calibration image of this class in (this resample of) the set: assume the classifier is right on it
                c[r][r] = 1;
                continue;
            }
            for (int j = 0; j < k; j++) c[r][j] /= s;
        }
        return c;
    }

    /** p = Proj_simplex(solve(C^T, q)); falls back to q itself if C is singular. */
    public static double[] correct(double[][] confusion, double[] observed) {
        int k = observed.length;
        RealMatrix ct = new Array2DRowRealMatrix(confusion).transpose();
        double[] p;
        try {
            p = new LUDecomposition(ct).getSolver().solve(new ArrayRealVector(observed)).toArray();
        } catch (SingularMatrixException e) {
            p = observed.clone();
        }
        if (p.length != k) throw new IllegalStateException("dimension mismatch");
        return projectToSimplex(p);
    }

    /** Euclidean projection onto {p : p_i >= 0, sum p_i = 1} (Duchi et al. 2008). */
    public static double[] projectToSimplex(double[] v) {
        int n = v.length;
        double[] u = v.clone();
        Arrays.sort(u);
        double cum = 0, theta = 0;
        for (int j = n - 1, rho = 1; j >= 0; j--, rho++) {
            cum += u[j];
            double t = (cum - 1) / rho;
            if (u[j] - t > 0) theta = t;
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = Math.max(0, v[i] - theta);
        return out;
    }
}
