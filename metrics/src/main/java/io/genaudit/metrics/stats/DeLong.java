package io.genaudit.metrics.stats;

import io.genaudit.values.Interval;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * DeLong's nonparametric variance of ROC AUCs (DeLong, DeLong &amp; Clarke-Pearson 1988) with the fast mid-rank
 * algorithm of Sun &amp; Xu (2014): confidence intervals for one AUC and z-tests comparing two AUCs, either on the same
 * samples (paired: two detectors scoring the same images) or on independent samples (unpaired).
 */
public final class DeLong {
    private static final NormalDistribution NORMAL = new NormalDistribution(0, 1);

    private DeLong() {
    }

    /**
     * AUCs of K scorers on the same labelled samples and their DeLong covariance matrix {@code S10/m + S01/n}.
     *
     * @param auc        AUC of each scorer
     * @param covariance K x K covariance of the AUC estimates
     */
    public record Estimate(double[] auc, double[][] covariance, int positives, int negatives) {
        public double variance(int k) {
            return covariance[k][k];
        }
    }

    /** A two-sided z-test of AUC difference. */
    public record Comparison(double auc1, double auc2, double difference, double standardError, double z, double pValue) {
    }

    /** Fast DeLong for K scorers {@code scores[k][i]} on the same samples with 0/1 {@code labels}. */
    public static Estimate estimate(double[][] scores, int[] labels) {
        int k = scores.length;
        int[] c = RocCurve.checkBinary(scores[0], labels);
        int m = c[1], n = c[0];
        int[] pos = new int[m], neg = new int[n];
        for (int i = 0, a = 0, b = 0; i < labels.length; i++) {
            if (labels[i] == 1) pos[a++] = i;
            else neg[b++] = i;
        }
        double[] auc = new double[k];
        double[][] v10 = new double[k][m];
        double[][] v01 = new double[k][n];
        for (int r = 0; r < k; r++) {
            RocCurve.checkBinary(scores[r], labels);
            double[] x = new double[m], y = new double[n];
            for (int i = 0; i < m; i++) x[i] = scores[r][pos[i]];
            for (int j = 0; j < n; j++) y[j] = scores[r][neg[j]];
            double[] tx = RocCurve.midRanks(x);
            double[] ty = RocCurve.midRanks(y);
            double[] tz = RocCurve.midRanks(scores[r]);
            double sumPos = 0;
            for (int i = 0; i < m; i++) {
                double z = tz[pos[i]];
                sumPos += z;
                v10[r][i] = (z - tx[i]) / n;
            }
            for (int j = 0; j < n; j++) v01[r][j] = 1.0 - (tz[neg[j]] - ty[j]) / m;
            auc[r] = sumPos / ((double) m * n) - (m + 1.0) / (2.0 * n);
        }
        double[][] cov = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                cov[a][b] = sampleCov(v10[a], v10[b]) / m + sampleCov(v01[a], v01[b]) / n;
            }
        }
        return new Estimate(auc, cov, m, n);
    }

    /** DeLong estimate for one scorer. */
    public static Estimate estimate(double[] scores, int[] labels) {
        return estimate(new double[][]{scores}, labels);
    }

    /**
     * Normal-approximation interval on the logit scale, logit(AUC) ± z·SE/(AUC(1−AUC)), mapped back: it stays inside
     * (0, 1) and is asymmetric near 1 where detectors' AUCs sit (pROC's {@code ci.auc}, {@link #waldInterval}, clips
     * AUC ± z·SE instead, and under-covers there). An AUC of exactly 0 or 1 has no logit; there the clipped interval
     * is used.
     */
    public static Interval interval(double[] scores, int[] labels, double level) {
        return interval(scores, labels, level, 1, "DeLong (fast, Sun & Xu 2014), normal approximation on the logit scale");
    }

    /**
     * The logit-scale interval of {@link #interval(double[], int[], double)} with standard error sqrt(varianceFactor·V),
     * V DeLong's variance: for scores whose AUC varies more than DeLong's fixed-scorer variance says (e.g. pooled
     * cross-validated scores).
     */
    public static Interval interval(double[] scores, int[] labels, double level, double varianceFactor, String method) {
        if (!(varianceFactor >= 1)) throw new IllegalArgumentException("variance factor must be >= 1, got " + varianceFactor);
        Estimate e = estimate(scores, labels);
        double se = Math.sqrt(varianceFactor * e.variance(0));
        double z = NORMAL.inverseCumulativeProbability(1 - (1 - level) / 2);
        double auc = e.auc()[0];
        if (auc <= 0 || auc >= 1) return clipped(auc, z * se, level, method + " (AUC on a bound: clipped AUC ± z·SE)");
        double logit = Math.log(auc / (1 - auc));
        double half = z * se / (auc * (1 - auc));
        return new Interval(level, 1 / (1 + Math.exp(-(logit - half))), 1 / (1 + Math.exp(-(logit + half))), method);
    }

    /** AUC ± z·SE clipped to [0, 1], as pROC's {@code ci.auc} (for comparison with published numbers). */
    public static Interval waldInterval(double[] scores, int[] labels, double level) {
        Estimate e = estimate(scores, labels);
        double z = NORMAL.inverseCumulativeProbability(1 - (1 - level) / 2);
        return clipped(e.auc()[0], z * Math.sqrt(e.variance(0)), level, "DeLong (fast, Sun & Xu 2014), normal approximation, clipped to [0, 1]");
    }

    private static Interval clipped(double auc, double half, double level, String method) {
        return new Interval(level, Math.max(0, auc - half), Math.min(1, auc + half), method);
    }

    /** Compares two scorers on the same samples (paired): z = (A1 − A2) / sqrt(V1 + V2 − 2 C12). */
    public static Comparison paired(double[] scores1, double[] scores2, int[] labels) {
        Estimate e = estimate(new double[][]{scores1, scores2}, labels);
        double var = e.covariance()[0][0] + e.covariance()[1][1] - 2 * e.covariance()[0][1];
        return comparison(e.auc()[0], e.auc()[1], var);
    }

    /** Compares AUCs on independent samples (unpaired): z = (A1 − A2) / sqrt(V1 + V2). */
    public static Comparison unpaired(double[] scores1, int[] labels1, double[] scores2, int[] labels2) {
        Estimate e1 = estimate(scores1, labels1);
        Estimate e2 = estimate(scores2, labels2);
        return comparison(e1.auc()[0], e2.auc()[0], e1.variance(0) + e2.variance(0));
    }

    private static Comparison comparison(double a1, double a2, double var) {
        double d = a1 - a2;
        double se = Math.sqrt(Math.max(var, 0));
        double z = se > 0 ? d / se : (d == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, d));
        double p = 2 * NORMAL.cumulativeProbability(-Math.abs(z));
        return new Comparison(a1, a2, d, se, z, p);
    }

    private static double sampleCov(double[] a, double[] b) {
        int n = a.length;
        if (n < 2) return 0;
        double ma = 0, mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= n;
        mb /= n;
        double s = 0;
        for (int i = 0; i < n; i++) s += (a[i] - ma) * (b[i] - mb);
        return s / (n - 1);
    }
}
