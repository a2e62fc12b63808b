package io.genaudit.audits.coverage;

import io.genaudit.metrics.detect.DetectabilityMetrics;
import io.genaudit.metrics.stats.DeLong;
import org.apache.commons.math3.distribution.NormalDistribution;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Coverage of the AUC intervals of a fixed detector on a binormal ROC: real scores N(0, 1), generated N(δ, 1), so the
 * AUC is Φ(δ/√2). Either DeLong's logit-scale interval ({@link DeLong#interval}) or the percentile bootstrap over
 * images that the detectability audit gives a fixed detector ({@link DetectabilityMetrics#of}).
 */
public final class AucCoverage {
    private AucCoverage() {
    }

    /** {@code perClass} scores of each class with separation {@code delta}; the bootstrap with {@code resamples} when {@code bootstrap}. */
    public static CoverageCase of(double delta, int perClass, boolean bootstrap, int resamples) {
        double auc = new NormalDistribution(0, 1).cumulativeProbability(delta / Math.sqrt(2));
        CaseLabel label = CaseLabel.of(String.format(Locale.ROOT, "AUC, binormal δ=%s (AUC %.3f), %d per class", delta, auc, perClass),
                bootstrap ? "percentile bootstrap over images, B=" + resamples : "DeLong, logit scale", 0, 1);
        return new CoverageCase(label, () -> new CoverageTarget(auc, "analytic Φ(δ/√2)"), seed -> {
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
        });
    }
}
