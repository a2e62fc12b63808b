package io.genaudit.audits.coverage;

import io.genaudit.metrics.detect.DetectabilityMetrics;
import io.genaudit.metrics.stats.DeLong;
import io.genaudit.values.Interval;
import org.apache.commons.math3.distribution.NormalDistribution;

import java.util.SplittableRandom;

/**
 * Coverage of the AUC intervals of a fixed detector on a binormal ROC: real scores N(0, 1), generated N(δ, 1), so the
 * AUC is Φ(δ/√2). Either DeLong's logit-scale interval ({@link DeLong#interval}) or the percentile bootstrap over
 * images that the detectability audit gives a fixed detector ({@link DetectabilityMetrics#of}).
 */
public record AucCoverage(double delta, int perClass, boolean bootstrap, int resamples) implements CoverageCase {
    @Override
    public String name() {
        return String.format(java.util.Locale.ROOT, "AUC, binormal δ=%s (AUC %.3f), %d per class", delta, target(), perClass);
    }

    @Override
    public String method() {
        return bootstrap ? "percentile bootstrap over images, B=" + resamples : "DeLong, logit scale";
    }

    @Override
    public double target() {
        return new NormalDistribution(0, 1).cumulativeProbability(delta / Math.sqrt(2));
    }

    @Override
    public String targetSource() {
        return "analytic Φ(δ/√2)";
    }

    @Override
    public double[] range() {
        return new double[]{0, 1};
    }

    @Override
    public Interval interval(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] scores = new double[2 * perClass];
        int[] labels = new int[2 * perClass];
        for (int i = 0; i < perClass; i++) {
            scores[i] = r.nextGaussian();
            scores[perClass + i] = delta + r.nextGaussian();
            labels[perClass + i] = 1;
        }
        return bootstrap ? DetectabilityMetrics.of(scores, labels, 0.01, resamples, seed * 31 + 7).aucCi()
                : DeLong.interval(scores, labels, 0.95);
    }
}
