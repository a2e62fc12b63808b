package io.genaudit.metrics.detect;

import io.genaudit.values.Interval;
import org.apache.commons.math3.distribution.BetaDistribution;

import java.util.Arrays;

/**
 * The release-gate operating point of a fixed detector: a threshold set on real calibration images so that at most a
 * share {@code fpr} of them score above it, and the detection rate (share of generated images above it) with a
 * Clopper-Pearson interval. The interval covers the generated sample only; the threshold's own sampling error is
 * reported through the achieved calibration FPR.
 *
 * @param threshold       images scoring strictly above it are flagged as generated
 * @param achievedFpr     share of calibration images above the threshold (≤ target)
 * @param detectionRate   share of generated images above the threshold
 */
public record FixedFprThreshold(double targetFpr, double threshold, double achievedFpr, int nCalibration,
                                double detectionRate, Interval detectionCi, int nGenerated) {

    /** Threshold on {@code realScores} at {@code targetFpr}. */
    public static double calibrate(double[] realScores, double targetFpr) {
        if (realScores.length == 0) throw new IllegalArgumentException("no real calibration scores");
        if (!(targetFpr >= 0 && targetFpr < 1)) throw new IllegalArgumentException("target FPR must be in [0,1), got " + targetFpr);
        double[] s = realScores.clone();
        Arrays.sort(s);
        int allowed = (int) Math.floor(targetFpr * s.length + 1e-9);
        // the (allowed+1)-th largest value: at most `allowed` scores are strictly greater
        return s[s.length - 1 - allowed];
    }

    public static FixedFprThreshold evaluate(double[] realScores, double[] generatedScores, double targetFpr) {
        double t = calibrate(realScores, targetFpr);
        int fp = 0;
        for (double v : realScores) if (v > t) fp++;
        int tp = 0;
        for (double v : generatedScores) if (v > t) tp++;
        int n = generatedScores.length;
        return new FixedFprThreshold(targetFpr, t, (double) fp / realScores.length, realScores.length,
                n == 0 ? Double.NaN : (double) tp / n, clopperPearson(tp, n, 0.95), n);
    }

    /** Exact binomial (Clopper-Pearson) interval for {@code k} successes in {@code n} trials. */
    public static Interval clopperPearson(int k, int n, double level) {
        if (n == 0) return new Interval(level, Double.NaN, Double.NaN, "Clopper-Pearson");
        double a = (1 - level) / 2;
        double lo = k == 0 ? 0 : new BetaDistribution(k, n - k + 1).inverseCumulativeProbability(a);
        double hi = k == n ? 1 : new BetaDistribution(k + 1, n - k).inverseCumulativeProbability(1 - a);
        return new Interval(level, lo, hi, "Clopper-Pearson exact binomial");
    }
}
