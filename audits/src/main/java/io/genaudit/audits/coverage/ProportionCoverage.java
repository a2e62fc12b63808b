package io.genaudit.audits.coverage;

import io.genaudit.metrics.stats.WilsonInterval;

import java.util.SplittableRandom;

/**
 * Coverage of the Wilson interval genaudit gives bias shares (e.g. the share of counterfactual pairs preferring the
 * more-stereotyping sentence): a planted preference {@code p} over {@code n} probe items.
 */
public final class ProportionCoverage {
    private ProportionCoverage() {
    }

    /** The share of {@code n} items that each prefer with probability {@code p}. */
    public static CoverageCase of(double p, int n) {
        CaseLabel label = CaseLabel.of("bias share, planted preference p=" + p + ", n=" + n, "Wilson score", 0, 1);
        return new CoverageCase(label, () -> new CoverageTarget(p, "planted"), seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            int k = 0;
            for (int i = 0; i < n; i++) if (r.nextDouble() < p) k++;
            return WilsonInterval.of(k, n, 0.95);
        });
    }
}
