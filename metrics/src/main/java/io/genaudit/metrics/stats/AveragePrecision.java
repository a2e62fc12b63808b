package io.genaudit.metrics.stats;

import java.util.Arrays;

/**
 * Average precision of a binary scorer, exactly as scikit-learn's {@code average_precision_score}: the step-wise
 * area under the precision-recall curve, {@code sum_k (R_k - R_{k-1}) P_k} over distinct thresholds (descending), with
 * tied scores forming one threshold. No interpolation, so it is not the trapezoidal PR-AUC.
 */
public final class AveragePrecision {
    private AveragePrecision() {
    }

    /** AP of {@code scores} for labels 0/1 (1 = positive); both classes must be present. */
    public static double of(double[] scores, int[] labels) {
        int[] c = RocCurve.checkBinary(scores, labels);
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        double positives = c[1];
        double tp = 0, seen = 0, prevRecall = 0, ap = 0;
        for (int i = 0; i < order.length; i++) {
            int j = order[i];
            seen++;
            if (labels[j] == 1) tp++;
            boolean lastOfTie = i == order.length - 1 || scores[order[i + 1]] != scores[j];
            if (!lastOfTie) continue;
            double recall = tp / positives;
            double precision = tp / seen;
            ap += (recall - prevRecall) * precision;
            prevRecall = recall;
        }
        return ap;
    }
}
