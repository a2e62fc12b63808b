package io.genaudit.metrics.stats;

import io.genaudit.values.Interval;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The grouped jackknife against its closed forms, and its bounded intervals. */
class GroupedJackknifeTest {

    private static double mean(double[] x, int[] idx) {
        double s = 0;
        for (int i : idx) s += x[i];
        return s / idx.length;
    }

    @Test
    void deleteOneJackknifeOfTheMeanIsTheStudentInterval() {
        SplittableRandom r = new SplittableRandom(3);
        double[] x = new double[25];
        for (int i = 0; i < x.length; i++) x[i] = 2 + r.nextGaussian();
        double m = mean(x, java.util.stream.IntStream.range(0, x.length).toArray());
        double ss = 0;
        for (double v : x) ss += (v - m) * (v - m);
        double se = Math.sqrt(ss / (x.length - 1) / x.length); // the jackknife variance of a mean is exactly s²/n
        double t = new TDistribution(x.length - 1).inverseCumulativeProbability(0.975);
        Interval ci = new GroupedJackknife(1000, 1).interval(x.length, idx -> mean(x, idx), m, Support.REAL, 0.95, "values");
        assertEquals(m - t * se, ci.low(), 1e-12);
        assertEquals(m + t * se, ci.high(), 1e-12);
        assertTrue(ci.method().contains("25 groups"), ci.method());
    }

    @Test
    void shareIntervalsStayInsideTheUnitIntervalAndContainTheEstimate() {
        // a share of 1 out of 12 and one of 12 out of 12: a plain t interval would leave [0, 1]
        double[] rare = new double[12];
        rare[0] = 1;
        double[] all = new double[12];
        java.util.Arrays.fill(all, 1);
        for (double[] x : new double[][]{rare, all}) {
            double est = mean(x, java.util.stream.IntStream.range(0, x.length).toArray());
            Interval ci = new GroupedJackknife(12, 5).interval(x.length, idx -> mean(x, idx), est, Support.UNIT, 0.95, "items");
            assertTrue(ci.low() >= 0 && ci.high() <= 1 && ci.contains(est), ci.toString());
            Interval plain = new GroupedJackknife(12, 5).interval(x.length, idx -> mean(x, idx), est, Support.REAL, 0.95, "items");
            if (est < 1) assertTrue(plain.low() < 0, "the untransformed interval would leave [0, 1]: " + plain);
        }
    }

    @Test
    void twoSampleVariancesAddAndSeedsAreDeterministic() {
        SplittableRandom r = new SplittableRandom(8);
        double[] a = new double[40], b = new double[60];
        for (int i = 0; i < a.length; i++) a[i] = r.nextGaussian();
        for (int i = 0; i < b.length; i++) b[i] = 1 + 2 * r.nextGaussian();
        GroupedJackknife.TwoSampleStatistic diff = (ia, ib) -> mean(b, ib) - mean(a, ia);
        double est = diff.apply(java.util.stream.IntStream.range(0, 40).toArray(), java.util.stream.IntStream.range(0, 60).toArray());
        Interval ci = new GroupedJackknife(10, 4).interval(40, 60, diff, est, Support.REAL, 0.95, "rows");
        assertEquals(ci, new GroupedJackknife(10, 4).interval(40, 60, diff, est, Support.REAL, 0.95, "rows"));
        double half = (ci.high() - ci.low()) / 2;
        double seApprox = Math.sqrt(1.0 / 40 + 4.0 / 60);
        assertTrue(half > 1.5 * seApprox && half < 2.8 * seApprox, "half-width " + half + " vs z·SE ≈ " + 1.96 * seApprox);
    }
}
