package io.genaudit.audits.coverage;

import io.genaudit.metrics.bias.GenerationProbe;

import java.util.SplittableRandom;

/**
 * Coverage of the bias-effect interval for a gap in mean score between two groups ({@link GenerationProbe#meanGapInterval}):
 * scores are bounded like VADER compound sentiment, tanh of a normal, with a planted difference between the groups;
 * the target (the difference in expected scores) is computed by numerical integration.
 */
public final class MeanGapCoverage {
    private MeanGapCoverage() {
    }

    /** Two groups of {@code n} scores tanh(N(mean, sd²)); the bootstrap with {@code resamples}. */
    public static CoverageCase of(double meanA, double meanB, double sd, int n, int resamples) {
        CaseLabel label = CaseLabel.of("bias effect: gap in mean tanh-normal score, planted latent means " + meanA + " vs " + meanB
                + ", n=" + n + " per group", "two-sample percentile bootstrap, B=" + resamples, -2, 2);
        return new CoverageCase(label, () -> new CoverageTarget(expectedTanh(meanA, sd) - expectedTanh(meanB, sd), "numerical integration"),
                seed -> {
                    SplittableRandom r = new SplittableRandom(seed);
                    double[] a = new double[n];
                    double[] b = new double[n];
                    for (int i = 0; i < n; i++) {
                        a[i] = Math.tanh(meanA + sd * r.nextGaussian());
                        b[i] = Math.tanh(meanB + sd * r.nextGaussian());
                    }
                    return GenerationProbe.meanGapInterval(a, b, resamples, seed * 31 + 7, 0.95);
                });
    }

    /** E[tanh(m + sd·Z)] by the trapezoid rule on [−10, 10] standard deviations. */
    private static double expectedTanh(double m, double sd) {
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
