package io.genaudit.metrics.detect;

import io.genaudit.metrics.stats.AveragePrecision;
import io.genaudit.metrics.stats.Bootstrap;
import io.genaudit.values.Interval;
import io.genaudit.metrics.stats.DeLong;
import io.genaudit.metrics.stats.RocCurve;

/**
 * How well scores separate generated (label 1) from real (label 0) images, in the units of CNNDetection and
 * DeepfakeBench: ROC AUC with an interval and DeLong's interval, average precision, equal error rate, accuracy at the
 * EER threshold and TPR at a fixed FPR. 0.5 AUC = indistinguishable.
 *
 * <p>The headline interval depends on where the scores come from. Scores of one detector on images it was not trained
 * on ({@link #of}: a fixed detector, the cross-generator test) get a percentile bootstrap over images, valid for that
 * detector. Pooled out-of-fold scores ({@link #ofCrossValidated}) come from k detectors, each trained on the other
 * folds' images, so one fold's test images also shaped the detectors that score the other folds; the AUC then varies
 * more than any interval that treats the scores as fixed allows (bench/detect: real-vs-real intervals excluded 0.5 in
 * 13.5% of 200 splits at 95%). Their interval doubles DeLong's variance ({@link #CV_VARIANCE_FACTOR}), which is what
 * that dependence adds under no signal (docs/metrics/detectability.md); measured, it also holds with a weak signal.
 *
 * @param aucCi       the headline interval (see above; its method says which)
 * @param aucCiDeLong DeLong's normal-approximation interval for fixed scores
 */
public record DetectabilityMetrics(double auc, Interval aucCi, Interval aucCiDeLong, double ap, double eer,
                                   double eerThreshold, double accuracyAtEer, double fpr, double tprAtFpr, int nReal, int nFake,
                                   RocCurve roc) {

    /**
     * DeLong-variance multiplier for pooled out-of-fold AUCs: with no signal, the covariance between folds (each fold's
     * images train the other folds' detectors) equals the within-fold variance, whatever k (derivation in
     * docs/metrics/detectability.md; measured 1.6-1.8 in bench/detect for logistic, SVM and gradient boosting).
     */
    public static final double CV_VARIANCE_FACTOR = 2.0;

    /**
     * Metrics of one detector's scores on held-out images and 0/1 labels: percentile bootstrap over images with
     * {@code resamples} resamples seeded with {@code seed} (the detector is fixed).
     */
    public static DetectabilityMetrics of(double[] scores, int[] labels, double fpr, int resamples, long seed) {
        Interval boot = new Bootstrap(resamples, seed).percentileInterval(scores.length, idx -> {
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
        return withInterval(scores, labels, fpr, new Interval(boot.level(), boot.low(), boot.high(),
                "percentile bootstrap over images, " + resamples + " resamples (one detector, scores fixed)",
                "AUC of this fixed detector on the population of real and generated images these were drawn from"));
    }

    /**
     * Metrics of pooled out-of-fold scores ({@link CrossValidatedScores}) with 0/1 labels: the interval is DeLong's with
     * its variance multiplied by {@link #CV_VARIANCE_FACTOR}.
     */
    public static DetectabilityMetrics ofCrossValidated(double[] scores, int[] labels, double fpr) {
        Interval ci = DeLong.interval(scores, labels, 0.95, CV_VARIANCE_FACTOR,
                "DeLong normal approximation on the logit scale with the variance doubled for cross-validated scores (detector training variance)")
                .withEstimand("AUC of a detector of this kind trained on this many images, on the population of real and generated images");
        return withInterval(scores, labels, fpr, ci);
    }

    private static DetectabilityMetrics withInterval(double[] scores, int[] labels, double fpr, Interval ci) {
        RocCurve roc = RocCurve.of(scores, labels);
        double auc = RocCurve.auc(scores, labels);
        Interval delong = DeLong.interval(scores, labels, 0.95);
        RocCurve.EqualErrorRate eer = roc.equalErrorRate();
        return new DetectabilityMetrics(auc, ci, delong, AveragePrecision.of(scores, labels), eer.eer(), eer.threshold(),
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
