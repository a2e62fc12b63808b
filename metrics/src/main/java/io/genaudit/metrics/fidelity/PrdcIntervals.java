package io.genaudit.metrics.fidelity;

import io.genaudit.metrics.stats.Bootstrap;
import io.genaudit.metrics.stats.ResampledRows;
import io.genaudit.metrics.stats.Support;
import io.genaudit.reports.Interval;

/**
 * Intervals of precision, recall, density and coverage from one two-sample bootstrap pass (each replicate stores its
 * four values). Resampling duplicates rows, which shrinks k-NN radii and shifts every replicate, so each interval is
 * bias-centred on the estimate: on the logit scale for the three shares (they stay in [0, 1]) and on the log scale for
 * density (non-negative, can exceed 1). All four depend on k and on both sample sizes, so they cover the expected
 * value at these sizes. Shared by the fidelity audit and the coverage harness.
 */
public final class PrdcIntervals {
    /** The four fields in order. */
    public static final String[] FIELDS = {"precision", "recall", "density", "coverage"};
    private static final Support[] SUPPORT = {Support.UNIT, Support.UNIT, Support.NON_NEGATIVE, Support.UNIT};

    private PrdcIntervals() {
    }

    /** What the interval of {@code field} covers. */
    public static String estimand(String field, int k, int nReal, int nFake) {
        return "expected " + field + " (k=" + k + ") at " + nReal + " real and " + nFake + " generated samples (k-NN measures "
                + "change with sample size)";
    }

    /** Intervals of precision, recall, density, coverage (in that order) around {@code estimate}. */
    public static Interval[] of(PrecisionRecallDensityCoverage prdc, PrecisionRecallDensityCoverage.Result estimate,
                                double[][] real, double[][] fake, int resamples, long seed, double level) {
        double[][] reps = new double[4][resamples];
        double[] slots = new TwoSampleBootstrap(resamples, seed).replicates(real.length, fake.length, new TwoSampleBootstrap.Statistic() {
            private final java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();

            @Override
            public double apply(int[] ia, int[] ib) {
                PrecisionRecallDensityCoverage.Result x = prdc.compute(ResampledRows.pick(real, ia), ResampledRows.pick(fake, ib));
                int slot = next.getAndIncrement();
                reps[0][slot] = x.precision();
                reps[1][slot] = x.recall();
                reps[2][slot] = x.density();
                reps[3][slot] = x.coverage();
                return slot;
            }
        });
        if (slots.length != resamples) throw new IllegalStateException("bootstrap replicate count");
        double[] est = {estimate.precision(), estimate.recall(), estimate.density(), estimate.coverage()};
        Interval[] out = new Interval[4];
        for (int f = 0; f < 4; f++) {
            out[f] = Bootstrap.centredPercentiles(reps[f], level, est[f], "bias-centred percentile bootstrap, real and fake rows "
                    + "resampled independently, " + resamples + " resamples", SUPPORT[f])
                    .withEstimand(estimand(FIELDS[f], estimate.k(), real.length, fake.length));
        }
        return out;
    }
}
