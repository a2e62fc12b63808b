package io.genaudit.metrics.detect;

import io.genaudit.metrics.stats.AveragePrecision;
import io.genaudit.metrics.stats.Bootstrap;
import io.genaudit.metrics.stats.ConfidenceInterval;
import io.genaudit.metrics.stats.DeLong;
import io.genaudit.metrics.stats.RocCurve;

/**
 * How well scores separate generated (label 1) from real (label 0) images, in the units of CNNDetection and
 * DeepfakeBench: ROC AUC with a percentile-bootstrap interval over images and DeLong's interval, average precision,
 * equal error rate, accuracy at the EER threshold and TPR at a fixed FPR. 0.5 AUC = indistinguishable.
 *
 * @param aucCi       percentile bootstrap over images (resampling scores; the detector is not refitted)
 * @param aucCiDeLong DeLong normal-approximation interval
 */
public record DetectabilityMetrics(double auc, ConfidenceInterval aucCi, ConfidenceInterval aucCiDeLong, double ap, double eer,
                                   double eerThreshold, double accuracyAtEer, double fpr, double tprAtFpr, int nReal, int nFake,
                                   RocCurve roc) {

    /** Computes every metric from scores and 0/1 labels; {@code resamples} bootstrap resamples seeded with {@code seed}. */
    public static DetectabilityMetrics of(double[] scores, int[] labels, double fpr, int resamples, long seed) {
        RocCurve roc = RocCurve.of(scores, labels);
        double auc = RocCurve.auc(scores, labels);
        ConfidenceInterval boot = new Bootstrap(resamples, seed).percentileInterval(scores.length, idx -> {
            double[] s = new double[idx.length];
            int[] y = new int[idx.length];
            int pos = 0;
            for (int i = 0; i < idx.length; i++) {
                s[i] = scores[idx[i]];
                y[i] = labels[idx[i]];
                pos += y[i];
            }
            return pos == 0 || pos == idx.length ? Double.NaN : RocCurve.auc(s, y);
        }, 0.95);
        ConfidenceInterval delong = DeLong.interval(scores, labels, 0.95);
        RocCurve.EqualErrorRate eer = roc.equalErrorRate();
        return new DetectabilityMetrics(auc, boot, delong, AveragePrecision.of(scores, labels), eer.eer(), eer.threshold(),
                RocCurve.accuracy(scores, labels, eer.threshold()), fpr, roc.tprAtFpr(fpr), roc.negatives(), roc.positives(), roc);
    }

    /** Metrics from the scores of real images (label 0) and generated images (label 1). */
    public static DetectabilityMetrics ofClasses(double[] realScores, double[] generatedScores, double fpr, int resamples, long seed) {
        double[] all = new double[realScores.length + generatedScores.length];
        int[] y = new int[all.length];
        System.arraycopy(realScores, 0, all, 0, realScores.length);
        System.arraycopy(generatedScores, 0, all, realScores.length, generatedScores.length);
        for (int i = realScores.length; i < all.length; i++) y[i] = 1;
        return of(all, y, fpr, resamples, seed);
    }
}
