package io.genaudit.audits.coverage;

import io.genaudit.metrics.stats.WilsonInterval;
import io.genaudit.values.Interval;

import java.util.SplittableRandom;

/**
 * Coverage of the Wilson interval genaudit gives bias shares (e.g. the share of counterfactual pairs preferring the
 * more-stereotyping sentence): a planted preference {@code p} over {@code n} probe items.
 */
public record ProportionCoverage(double p, int n) implements CoverageCase {
    @Override
    public String name() {
        return "bias share, planted preference p=" + p + ", n=" + n;
    }

    @Override
    public String method() {
        return "Wilson score";
    }

    @Override
    public double target() {
        return p;
    }

    @Override
    public String targetSource() {
        return "planted";
    }

    @Override
    public double[] range() {
        return new double[]{0, 1};
    }

    @Override
    public Interval interval(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int k = 0;
        for (int i = 0; i < n; i++) if (r.nextDouble() < p) k++;
        return WilsonInterval.of(k, n, 0.95);
    }
}
