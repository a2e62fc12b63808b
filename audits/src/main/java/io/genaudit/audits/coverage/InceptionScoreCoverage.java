package io.genaudit.audits.coverage;

import io.genaudit.metrics.fidelity.InceptionScore;

import java.util.SplittableRandom;

/**
 * Coverage of the Inception Score interval ({@link InceptionScore#interval}) on simulated classifier logits: each
 * sample belongs to one of {@code classes} classes with skewed frequencies and gets logits {@code strength} on its class
 * plus standard normal noise. IS depends on the sample size, so the target is the expected IS at N (by simulation).
 */
public final class InceptionScoreCoverage {
    private static final int SPLITS = 10;

    private InceptionScoreCoverage() {
    }

    /** {@code n} samples over {@code classes} classes; the bootstrap with {@code resamples}. */
    public static CoverageCase of(int classes, double strength, int n, int resamples) {
        CaseLabel label = CaseLabel.of("Inception Score, " + classes + " skewed classes, logit strength " + strength + ", N=" + n + ", "
                + SPLITS + " splits", "percentile bootstrap over generated samples, B=" + resamples, 1, classes);
        return new CoverageCase(label, () -> {
            InceptionScore is = new InceptionScore(SPLITS, true, 0);
            return MonteCarloTarget.of(2000, 920_000_000L, s -> is.compute(logits(new SplittableRandom(s), n, classes, strength)).mean())
                    .as("expected IS at N", "");
        }, seed -> new InceptionScore(SPLITS, true, seed).interval(logits(new SplittableRandom(seed), n, classes, strength), resamples,
                seed * 31 + 7, 0.95));
    }

    private static double[][] logits(SplittableRandom r, int n, int classes, double strength) {
        double[][] x = new double[n][classes];
        for (double[] row : x) {
            int c = Math.min(classes - 1, (int) Math.floor(classes * Math.pow(r.nextDouble(), 2))); // skewed towards class 0
            for (int k = 0; k < classes; k++) row[k] = r.nextGaussian() + (k == c ? strength : 0);
        }
        return x;
    }
}
