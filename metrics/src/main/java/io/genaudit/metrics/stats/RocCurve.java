package io.genaudit.metrics.stats;

import java.util.Arrays;

/**
 * The ROC curve of a binary scorer (label 1 = positive, higher score = more positive), built like scikit-learn's
 * {@code roc_curve}: one operating point per distinct score threshold, descending, starting at (0,0) with threshold
 * +infinity. Gives the AUC (Mann-Whitney statistic with ties counted one half), equal error rate, TPR at a fixed FPR
 * and accuracy at a threshold, so every detector and classifier audit reads the same numbers.
 */
public final class RocCurve {
    private final double[] fpr;
    private final double[] tpr;
    private final double[] thresholds;
    private final double[] fps;
    private final double[] tps;
    private final int positives;
    private final int negatives;

    private RocCurve(double[] fps, double[] tps, double[] thresholds, int positives, int negatives) {
        this.fps = fps;
        this.tps = tps;
        this.thresholds = thresholds;
        this.positives = positives;
        this.negatives = negatives;
        this.fpr = new double[fps.length];
        this.tpr = new double[tps.length];
        for (int i = 0; i < fps.length; i++) {
            fpr[i] = fps[i] / negatives;
            tpr[i] = tps[i] / positives;
        }
    }

    /** The full curve (every distinct threshold, scikit-learn's {@code drop_intermediate=False}). */
    public static RocCurve of(double[] scores, int[] labels) {
        int[] counts = checkBinary(scores, labels);
        int pos = counts[1], neg = counts[0];
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        double[] f = new double[scores.length + 1];
        double[] t = new double[scores.length + 1];
        double[] th = new double[scores.length + 1];
        th[0] = Double.POSITIVE_INFINITY;
        int k = 1;
        double cf = 0, ct = 0;
        for (int i = 0; i < order.length; i++) {
            int j = order[i];
            if (labels[j] == 1) ct++;
            else cf++;
            boolean lastOfTie = i == order.length - 1 || scores[order[i + 1]] != scores[j];
            if (lastOfTie) {
                f[k] = cf;
                t[k] = ct;
                th[k] = scores[j];
                k++;
            }
        }
        return new RocCurve(Arrays.copyOf(f, k), Arrays.copyOf(t, k), Arrays.copyOf(th, k), pos, neg);
    }

    /** Validates 0/1 labels, finite scores and both classes present; returns {negatives, positives}. */
    static int[] checkBinary(double[] scores, int[] labels) {
        if (scores.length != labels.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + labels.length + " labels");
        }
        int[] c = new int[2];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != 0 && labels[i] != 1) throw new IllegalArgumentException("label " + i + " is " + labels[i] + ", expected 0 or 1");
            if (!Double.isFinite(scores[i])) throw new IllegalArgumentException("score " + i + " is " + scores[i]);
            c[labels[i]]++;
        }
        if (c[0] == 0 || c[1] == 0) {
            throw new IllegalArgumentException("ROC needs both classes; got " + c[1] + " positives and " + c[0] + " negatives");
        }
        return c;
    }

    /**
     * Area under the ROC curve as the Mann-Whitney statistic: P(score of a positive > score of a negative) + half
     * P(tie), from mid-ranks in O(n log n). Equals scikit-learn's {@code roc_auc_score}.
     */
    public static double auc(double[] scores, int[] labels) {
        int[] c = checkBinary(scores, labels);
        double[] ranks = midRanks(scores);
        double sum = 0;
        for (int i = 0; i < scores.length; i++) if (labels[i] == 1) sum += ranks[i];
        double m = c[1], n = c[0];
        return (sum - m * (m + 1) / 2) / (m * n);
    }

    /** Mid-ranks (1-based, ties get the average of their ranks), as scipy's {@code rankdata(method='average')}. */
    public static double[] midRanks(double[] x) {
        Integer[] order = new Integer[x.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(x[a], x[b]));
        double[] r = new double[x.length];
        int i = 0;
        while (i < x.length) {
            int j = i;
            while (j + 1 < x.length && x[order[j + 1]] == x[order[i]]) j++;
            double mid = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) r[order[k]] = mid;
            i = j + 1;
        }
        return r;
    }

    /**
     * The curve with collinear intermediate points removed, exactly as scikit-learn's default
     * {@code drop_intermediate=True} (keeps the start, the first and last threshold and every corner).
     */
    public RocCurve dropIntermediate() {
        // scikit-learn drops on the points after the (0,0) start, always keeping the first and last of them
        if (fps.length <= 3) return this;
        boolean[] keep = new boolean[fps.length];
        keep[0] = true;
        keep[1] = true;
        keep[fps.length - 1] = true;
        for (int i = 2; i < fps.length - 1; i++) {
            double d2f = fps[i + 1] - 2 * fps[i] + fps[i - 1];
            double d2t = tps[i + 1] - 2 * tps[i] + tps[i - 1];
            keep[i] = d2f != 0 || d2t != 0;
        }
        int k = 0;
        for (boolean b : keep) if (b) k++;
        double[] f = new double[k], t = new double[k], th = new double[k];
        int j = 0;
        for (int i = 0; i < keep.length; i++) {
            if (!keep[i]) continue;
            f[j] = fps[i];
            t[j] = tps[i];
            th[j] = thresholds[i];
            j++;
        }
        return new RocCurve(f, t, th, positives, negatives);
    }

    public double[] fpr() {
        return fpr.clone();
    }

    public double[] tpr() {
        return tpr.clone();
    }

    /** Thresholds, descending; point i classifies {@code score >= thresholds[i]} as positive (the first is +inf). */
    public double[] thresholds() {
        return thresholds.clone();
    }

    public int positives() {
        return positives;
    }

    public int negatives() {
        return negatives;
    }

    /** Trapezoidal area under the curve (equal to {@link #auc(double[], int[])} on the same data). */
    public double area() {
        double a = 0;
        for (int i = 1; i < fpr.length; i++) a += (fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1]) / 2;
        return a;
    }

    /**
     * Highest TPR among operating points whose FPR is at most {@code maxFpr} (a threshold one could actually set; no
     * interpolation between points).
     */
    public double tprAtFpr(double maxFpr) {
        double best = 0;
        for (int i = 0; i < fpr.length; i++) if (fpr[i] <= maxFpr + 1e-12) best = Math.max(best, tpr[i]);
        return best;
    }

    /**
     * Equal error rate at the operating point where |FNR − FPR| is smallest (first such point, as DeepfakeBench), reported
     * as the mean of that point's FPR and FNR (DeepfakeBench reports the FPR alone; the mean is symmetric and gives 0.5,
     * not 0, when every score is tied), with the threshold, FPR and FNR of that point.
     */
    public EqualErrorRate equalErrorRate() {
        int best = 0;
        double gap = Double.POSITIVE_INFINITY;
        for (int i = 0; i < fpr.length; i++) {
            double g = Math.abs((1 - tpr[i]) - fpr[i]);
            if (g < gap) {
                gap = g;
                best = i;
            }
        }
        return new EqualErrorRate((fpr[best] + 1 - tpr[best]) / 2, fpr[best], 1 - tpr[best], thresholds[best]);
    }

    /** The EER operating point: the EER (mean of its FPR and FNR), FPR, FNR and threshold ({@code score >= threshold} is positive). */
    public record EqualErrorRate(double eer, double fpr, double fnr, double threshold) {
    }

    /** Share of correct predictions when {@code score >= threshold} is called positive. */
    public static double accuracy(double[] scores, int[] labels, double threshold) {
        int correct = 0;
        for (int i = 0; i < scores.length; i++) {
            int pred = scores[i] >= threshold ? 1 : 0;
            if (pred == labels[i]) correct++;
        }
        return (double) correct / scores.length;
    }
}
