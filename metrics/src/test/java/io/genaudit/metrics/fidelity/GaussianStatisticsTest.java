package io.genaudit.metrics.fidelity;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** Streaming mean/covariance against numpy (np.mean, np.cov(rowvar=False)) and across batchings and shard merges. */
class GaussianStatisticsTest {

    @Test
    void matchesNumpyMeanAndCovariance() {
        JsonNode ref = FidelityReference.json().get("fid").get("random");
        GaussianStatistics s = GaussianStatistics.of(FidelityReference.matrix("real_200x64"));
        assertEquals(200, s.count());
        for (int i = 0; i < 3; i++) assertEquals(ref.get("mu1_first").get(i).asDouble(), s.mean()[i], 1e-15);
        double[][] cov = s.covariance();
        assertEquals(ref.get("sigma1_00_01").get(0).asDouble(), cov[0][0], 1e-14);
        assertEquals(ref.get("sigma1_00_01").get(1).asDouble(), cov[0][1], 1e-14);
        double tr = 0;
        for (int i = 0; i < 64; i++) tr += cov[i][i];
        assertEquals(ref.get("trace1").asDouble(), tr, 1e-12 * tr);
    }

    @Test
    void batchingAndShardMergeGiveTheSameStatistics() {
        Random r = new Random(3);
        double[][] x = new double[1100][7];
        for (double[] row : x) for (int j = 0; j < 7; j++) row[j] = 1e4 + r.nextGaussian() * (j + 1); // large offset: tests stability
        GaussianStatistics whole = GaussianStatistics.of(x);
        GaussianStatistics batched = new GaussianStatistics(7);
        for (int from = 0; from < x.length; from += 37) batched.update(Arrays.copyOfRange(x, from, Math.min(x.length, from + 37)));
        GaussianStatistics a = GaussianStatistics.of(Arrays.copyOfRange(x, 0, 300));
        GaussianStatistics b = GaussianStatistics.of(Arrays.copyOfRange(x, 300, 1001));
        GaussianStatistics c = GaussianStatistics.of(Arrays.copyOfRange(x, 1001, 1100));
        GaussianStatistics merged = new GaussianStatistics(7).merge(a).merge(b.merge(c));
        // two-pass reference
        double[] mu = new double[7];
        for (double[] row : x) for (int j = 0; j < 7; j++) mu[j] += row[j] / x.length;
        double[][] cov = new double[7][7];
        for (double[] row : x) for (int i = 0; i < 7; i++) for (int j = 0; j < 7; j++) cov[i][j] += (row[i] - mu[i]) * (row[j] - mu[j]) / (x.length - 1);
        for (GaussianStatistics s : new GaussianStatistics[]{whole, batched, merged}) {
            assertEquals(1100, s.count());
            for (int j = 0; j < 7; j++) assertEquals(mu[j], s.mean()[j], 1e-9);
            double[][] sc = s.covariance();
            for (int i = 0; i < 7; i++) for (int j = 0; j < 7; j++) assertEquals(cov[i][j], sc[i][j], 1e-9 * (1 + Math.abs(cov[i][j])), i + "," + j);
        }
    }

    @Test
    void subsetByIndicesEqualsExplicitRows() {
        double[][] x = FidelityReference.matrix("fake_200x64");
        int[] idx = {5, 5, 17, 199, 0, 42, 17};
        double[][] rows = new double[idx.length][];
        for (int i = 0; i < idx.length; i++) rows[i] = x[idx[i]];
        assertArrayEquals(GaussianStatistics.of(rows).covarianceFlat(), GaussianStatistics.of(x, idx).covarianceFlat(), 1e-13);
    }

    @Test
    void covarianceNeedsTwoRows() {
        GaussianStatistics s = new GaussianStatistics(3).update(new double[][]{{1, 2, 3}});
        assertThrows(IllegalStateException.class, s::covariance);
        assertThrows(IllegalArgumentException.class, () -> s.update(new double[][]{{1, 2}}));
    }
}
