package io.genaudit.audits.coverage;

import io.genaudit.metrics.bias.GenerationProbe;
import io.genaudit.values.Interval;

import java.util.SplittableRandom;

/**
 * Coverage of the bias-effect interval for a gap in mean score between two groups ({@link GenerationProbe#meanGapInterval}):
 * scores are bounded like VADER compound sentiment, tanh of a normal, with a planted difference between the groups;
 * the target (the difference in expected scores) is computed by numerical integration.
 */
public record MeanGapCoverage(double meanA, double meanB, double sd, int n, int resamples) implements CoverageCase {
    @Override
    public String name() {
        return "bias effect: gap in mean tanh-normal score, planted latent means " + meanA + " vs " + meanB + ", n=" + n + " per group";
    }

    @Override
    public String method() {
        return "two-sample percentile bootstrap, B=" + resamples;
    }

    @Override
    public double target() {
        return expectedTanh(meanA) - expectedTanh(meanB);
    }

    @Override
    public String targetSource() {
        return "numerical integration";
    }

    @Override
    public double[] range() {
        return new double[]{-2, 2};
    }

    @Override
    public Interval interval(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = Math.tanh(meanA + sd * r.nextGaussian());
            b[i] = Math.tanh(meanB + sd * r.nextGaussian());
        }
        return GenerationProbe.meanGapInterval(a, b, resamples, seed * 31 + 7, 0.95);
    }

    /** E[tanh(m + sd·Z)] by the trapezoid rule on [−10, 10] standard deviations. */
    private double expectedTanh(double m) {
        int steps = 20_000;
        double h = 20.0 / steps;
        double sum = 0;
        for (int i = 0; i <= steps; i++) {
            double z = -10 + i * h;
            double w = (i == 0 || i == steps) ? 0.5 : 1;
            sum += w * Math.tanh(m + sd * z) * Math.exp(-z * z / 2);
        }
        return sum * h / Math.sqrt(2 * Math.PI);
    }
}
