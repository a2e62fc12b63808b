package io.genaudit.metrics.fidelity;

import io.genaudit.values.Interval;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** FID-infinity extrapolation and the two-sample bootstrap: exact fits, determinism, sensible intervals. */
class FidInfinityAndBootstrapTest {

    @Test
    void lineFitRecoversExactLine() {
        double[] x = {1 / 100.0, 1 / 200.0, 1 / 400.0, 1 / 800.0};
        double[] y = new double[4];
        for (int i = 0; i < 4; i++) y[i] = 3.5 + 1200 * x[i];
        double[] fit = FidInfinity.fitLine(x, y);
        assertEquals(3.5, fit[0], 1e-9);
        assertEquals(1200, fit[1], 1e-6);
        assertEquals(1.0, fit[2], 1e-12);
        assertArrayEquals(new int[]{20, 42, 65, 87, 110}, FidInfinity.sizes(20, 110, 5), "numpy linspace(20,110,5).astype(int)");
    }

    @Test
    void fidInfinityIsBelowFiniteFidForSameDistribution() {
        Random r = new Random(11);
        int d = 8;
        double[][] real = new double[2000][d];
        double[][] fake = new double[600][d];
        for (double[] row : real) for (int j = 0; j < d; j++) row[j] = r.nextGaussian();
        for (double[] row : fake) for (int j = 0; j < d; j++) row[j] = r.nextGaussian();
        GaussianStatistics rs = GaussianStatistics.of(real);
        double finite = FrechetDistance.compute(rs, GaussianStatistics.of(fake)).value();
        FidInfinity.Result inf = new FidInfinity(8, 5).compute(rs.mean(), rs.covariance(), fake, 100);
        assertEquals(8, inf.sizes().length);
        assertEquals(600, inf.sizes()[7]);
        assertEquals(finite, inf.fids()[7], 1e-9, "largest subset is the whole set");
        assertTrue(inf.slope() > 0, "FID falls as N grows: slope " + inf.slope());
        assertTrue(inf.value() < finite, "FIDinf " + inf.value() + " < FID " + finite);
        FidInfinity.Result again = new FidInfinity(8, 5).compute(rs.mean(), rs.covariance(), fake, 100);
        assertArrayEquals(inf.fids(), again.fids(), 0.0, "seeded");
    }

    @Tag("integration")
    @Test
    void bootstrapIsDeterministicAndCoversEstimate() {
        double[][] real = FidelityReference.matrix("real_200x64");
        double[][] fake = FidelityReference.matrix("fake_200x64");
        double point = FrechetDistance.compute(GaussianStatistics.of(real), GaussianStatistics.of(fake)).value();
        TwoSampleBootstrap.Statistic fid = (a, b) -> FrechetDistance.compute(GaussianStatistics.of(real, a), GaussianStatistics.of(fake, b)).value();
        TwoSampleBootstrap boot = new TwoSampleBootstrap(30, 99);
        double[] reps = boot.replicates(real.length, fake.length, fid);
        assertArrayEquals(reps, new TwoSampleBootstrap(30, 99).replicates(real.length, fake.length, fid), 0.0);
        // duplicated rows inflate FID: the raw resampling distribution sits above the estimate ...
        Interval raw = boot.interval(real.length, fake.length, fid, 0.95);
        double mean = java.util.Arrays.stream(reps).average().orElseThrow();
        assertTrue(mean > point, "resampled FIDs are biased upwards: " + mean + " vs " + point);
        // ... the centred interval has the same width and contains the estimate
        Interval ci = boot.centredInterval(real.length, fake.length, fid, 0.95, point);
        assertTrue(ci.low() < point && point < ci.high(), ci + " vs " + point);
        assertEquals(raw.high() - raw.low(), ci.high() - ci.low(), 1e-9);
        assertEquals(raw.low() - (mean - point), ci.low(), 1e-9);
        assertTrue(ci.method().contains("30 resamples"));
    }
}
