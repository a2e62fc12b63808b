package io.genaudit.metrics.fidelity;

import io.genaudit.values.Interval;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** FID's two intervals: what each covers, FID∞ with both sides extrapolated, and the sentence when they disagree. */
class FidIntervalsTest {
    private static double[][] gaussian(SplittableRandom r, int n, int d, double shift) {
        double[][] x = new double[n][d];
        for (double[] row : x) for (int j = 0; j < d; j++) row[j] = shift + r.nextGaussian();
        return x;
    }

    @Test
    void sameDistributionFidIsMostlyBiasAndFidInfinitySaysSo() {
        SplittableRandom r = new SplittableRandom(17);
        double[][] real = gaussian(r, 300, 8, 0);
        double[][] fake = gaussian(r, 300, 8, 0);
        double fid = FrechetDistance.compute(GaussianStatistics.of(real), GaussianStatistics.of(fake)).value();
        FidInfinity.Result inf = FidIntervals.infinity(real, fake, 5, 3);
        // population FID is 0; at N=300 per side FID's bias is about d(d+1)/(2N)·2 ≈ 0.24 here
        assertTrue(fid > 0.1, "finite FID " + fid);
        assertTrue(Math.abs(inf.value()) < 0.5 * fid, "FID∞ " + inf.value() + " vs FID " + fid);
        assertEquals(5, inf.sizes().length);
        assertEquals(300, inf.sizes()[4]);
        assertEquals(fid, inf.fids()[4], 1e-9, "the full sets are the last point");

        FidIntervals intervals = new FidIntervals(60, 5, 0.95);
        Interval finite = intervals.finite(real, fake, fid);
        Interval infinity = intervals.infinity(real, fake, 5, inf.value());
        assertTrue(finite.low() > 0 && finite.contains(fid), finite.toString());
        assertTrue(infinity.low() == 0 && infinity.contains(0), "FID∞ interval reaches the population FID 0: " + infinity);
        assertTrue(finite.estimand().startsWith("expected FID at 300 real and 300 generated samples"), finite.estimand());
        assertEquals(FidIntervals.INFINITY_ESTIMAND, infinity.estimand());
        String story = FidIntervals.disagreement(finite, infinity);
        assertNotNull(story);
        assertTrue(story.contains("finite-sample bias"), story);
        assertEquals(infinity, new FidIntervals(60, 5, 0.95).infinity(real, fake, 5, inf.value()), "seeded");
    }

    @Test
    void noSentenceWhenBothIntervalsAgree() {
        Interval finite = new Interval(0.95, 10, 12, "b", "e");
        assertNull(FidIntervals.disagreement(finite, new Interval(0.95, 9, 11.5, "b", "e")));
        assertNotNull(FidIntervals.disagreement(finite, new Interval(0.95, 5, 8, "b", "e")));
        assertNull(FidIntervals.disagreement(finite, null));
    }
}
