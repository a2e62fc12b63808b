package io.genaudit.audits.coverage;

import io.genaudit.metrics.fidelity.InceptionScore;
import io.genaudit.values.Interval;

import java.util.SplittableRandom;

/**
 * Coverage of the Inception Score interval ({@link InceptionScore#interval}) on simulated classifier logits: each
 * sample belongs to one of {@code classes} classes with skewed frequencies and gets logits {@code strength} on its class
 * plus standard normal noise. IS depends on the sample size, so the target is the expected IS at N (by simulation).
 */
public final class InceptionScoreCoverage implements CoverageCase {
    private static final int SPLITS = 10;
    private final int classes;
    private final double strength;
    private final int n;
    private final int resamples;
    private MonteCarloTarget target;

    public InceptionScoreCoverage(int classes, double strength, int n, int resamples) {
        this.classes = classes;
        this.strength = strength;
        this.n = n;
        this.resamples = resamples;
    }

    @Override
    public String name() {
        return "Inception Score, " + classes + " skewed classes, logit strength " + strength + ", N=" + n + ", " + SPLITS + " splits";
    }

    @Override
    public String method() {
        return "percentile bootstrap over generated samples, B=" + resamples;
    }

    @Override
    public double target() {
        if (target == null) {
            InceptionScore is = new InceptionScore(SPLITS, true, 0);
            target = MonteCarloTarget.of(2000, 920_000_000L, s -> is.compute(logits(new SplittableRandom(s))).mean());
        }
        return target.value();
    }

    @Override
    public String targetSource() {
        return "expected IS at N: " + target.describe();
    }

    @Override
    public double[] range() {
        return new double[]{1, classes};
    }

    @Override
    public Interval interval(long seed) {
        double[][] logits = logits(new SplittableRandom(seed));
        return new InceptionScore(SPLITS, true, seed).interval(logits, resamples, seed * 31 + 7, 0.95);
    }

    private double[][] logits(SplittableRandom r) {
        double[][] x = new double[n][classes];
        for (double[] row : x) {
            int c = Math.min(classes - 1, (int) Math.floor(classes * Math.pow(r.nextDouble(), 2))); // skewed towards class 0
            for (int k = 0; k < classes; k++) row[k] = r.nextGaussian() + (k == c ? strength : 0);
        }
        return x;
    }
}
