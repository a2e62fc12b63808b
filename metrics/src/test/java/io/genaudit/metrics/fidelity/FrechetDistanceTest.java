package io.genaudit.metrics.fidelity;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Fréchet distance against pytorch-fid's calculate_frechet_distance (scipy sqrtm), reproduced by
 * fixtures/reference/fidelity/make_reference.py on the committed features, and against closed forms.
 */
class FrechetDistanceTest {

    private static double fid(String real, String fake) {
        return FrechetDistance.compute(GaussianStatistics.of(FidelityReference.matrix(real)),
                GaussianStatistics.of(FidelityReference.matrix(fake))).value();
    }

    private static void assertRelative(double expected, double actual, double rel, String what) {
        assertEquals(expected, actual, rel * Math.abs(expected), what + ": expected " + expected + ", got " + actual);
    }

    @Test
    void matchesPytorchFidOnRandomSingularAndIllConditionedFeatures() {
        JsonNode fid = FidelityReference.json().get("fid");
        String[][] cases = {{"random", "real_200x64", "fake_200x64"},
                {"singular", "singular_real_50x64", "singular_fake_40x64"},
                {"illcond", "illcond_real_200x64", "illcond_fake_200x64"}};
        for (String[] c : cases) {
            JsonNode ref = fid.get(c[0]);
            assertFalse(ref.get("pytorch_fid_offset_applied").asBoolean(), "reference took pytorch-fid's plain branch");
            double v = fid(c[1], c[2]);
            assertRelative(ref.get("pytorch_fid").asDouble(), v, 1e-6, c[0] + " vs pytorch-fid");
            // the same route in numpy: agreement is limited by the conditioning (singular / 1e12) of these cases
            assertRelative(ref.get("exact_eigh").asDouble(), v, 1e-8, c[0] + " vs numpy eigh route");
        }
    }

    @Test
    void choleskyAndEigenRoutesAgree() {
        GaussianStatistics a = GaussianStatistics.of(FidelityReference.matrix("illcond_real_200x64"));
        GaussianStatistics b = GaussianStatistics.of(FidelityReference.matrix("illcond_fake_200x64"));
        FrechetDistance.Result chol = FrechetDistance.compute(a.mean(), a.covariance(), b.mean(), b.covariance(), "cholesky");
        FrechetDistance.Result eig = FrechetDistance.compute(a.mean(), a.covariance(), b.mean(), b.covariance(), "eigen");
        assertEquals("cholesky", chol.method());
        assertEquals("eigen", eig.method());
        assertRelative(eig.value(), chol.value(), 1e-8, "routes (covariance condition number ~1e12)");
        // a singular S1 cannot use Cholesky; the automatic choice falls back to the eigen route
        GaussianStatistics s = GaussianStatistics.of(FidelityReference.matrix("singular_real_50x64"));
        assertEquals("eigen", FrechetDistance.compute(s, b).method());
    }

    @Test
    void forcedOffsetReproducesPytorchFidFallbackBranch() {
        JsonNode ref = FidelityReference.json().get("fid").get("singular");
        GaussianStatistics a = GaussianStatistics.of(FidelityReference.matrix("singular_real_50x64"));
        GaussianStatistics b = GaussianStatistics.of(FidelityReference.matrix("singular_fake_40x64"));
        FrechetDistance.Result r = FrechetDistance.compute(a.mean(), a.covariance(), b.mean(), b.covariance(), FrechetDistance.PYTORCH_FID_EPS);
        assertTrue(r.offsetApplied());
        assertRelative(ref.get("exact_eigh_with_offset_1e-6").asDouble(), r.value(), 1e-10, "offset branch");
        assertFalse(FrechetDistance.compute(a, b).offsetApplied());
    }

    @Tag("integration")
    @Test
    void matchesPytorchFidOn2048DimensionalFeaturesAndStatsFile() {
        // 300 samples in 2048 dimensions (rank-299 covariances, the eigen route); the n=2100 case runs in bench/fidelity
        JsonNode ref = FidelityReference.json().get("fid").get("d2048_n300");
        int n = ref.get("n").asInt();
        double[][] real = FidelityReference.features2048(n, 1);
        double[][] fake = FidelityReference.features2048(n, 2);
        JsonNode big = FidelityReference.json().get("fid").get("d2048");
        assertEquals(big.get("real_00").asDouble(), real[0][0], 0.0, "generator reproduces the python inputs bit for bit");
        assertEquals(big.get("fake_12").asDouble(), fake[1][2], 0.0);
        GaussianStatistics a = GaussianStatistics.of(real);
        GaussianStatistics b = GaussianStatistics.of(fake);
        assertEquals(ref.get("sigma1_00_01").get(1).asDouble(), a.covariance()[0][1], 1e-13);
        FrechetDistance.Result r = FrechetDistance.compute(a, b);
        assertRelative(ref.get("pytorch_fid").asDouble(), r.value(), 1e-6, "2048-d vs pytorch-fid");
        assertRelative(ref.get("exact_eigh").asDouble(), r.value(), 1e-8, "2048-d vs numpy eigh route");
        // the stats-file path: a pytorch-fid npz written and read back holds exactly the same mu and sigma
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("fid2048");
            java.nio.file.Path npz = dir.resolve("real.npz");
            io.genaudit.engine.io.NpzWriter.writeStats(npz, a.mean(), a.covariance());
            FeatureSet stats = FeatureSetLoader.fromStatsNpz(npz);
            assertArrayEquals(a.mean(), stats.mean(), 0.0);
            assertArrayEquals(a.covariance(), stats.covariance());
            java.nio.file.Files.delete(npz);
            java.nio.file.Files.delete(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Tag("integration")
    @Test
    void matchesPytorchFidOnFullRank2048DimensionalStatisticsThroughTheCholeskyRoute() {
        // N = 2100 > D = 2048: both covariances are positive definite, so the dsygst route runs at full size
        JsonNode ref = FidelityReference.json().get("fid").get("d2048");
        int n = ref.get("n").asInt();
        GaussianStatistics a = GaussianStatistics.of(FidelityReference.features2048(n, 1));
        GaussianStatistics b = GaussianStatistics.of(FidelityReference.features2048(n, 2));
        assertEquals(ref.get("trace1").asDouble(), trace(a.covariance()), 1e-10 * ref.get("trace1").asDouble());
        FrechetDistance.Result r = FrechetDistance.compute(a, b);
        assertEquals("cholesky", r.method());
        assertFalse(r.offsetApplied());
        assertRelative(ref.get("pytorch_fid").asDouble(), r.value(), 1e-6, "2048-d N=2100 vs pytorch-fid");
        assertRelative(ref.get("exact_eigh").asDouble(), r.value(), 1e-10, "2048-d N=2100 vs numpy eigh route");
    }

    private static double trace(double[][] m) {
        double t = 0;
        for (int i = 0; i < m.length; i++) t += m[i][i];
        return t;
    }

    @Test
    void zeroCovarianceLeavesOnlyTheMeanAndTraceTerms() {
        // S1 = 0: Cholesky fails, the eigen route finds no positive eigenvalue and tr sqrt(S1 S2) = 0
        double[] mu1 = {1, 2, 3};
        double[] mu2 = {0, 2, 5};
        double[][] zero = new double[3][3];
        double[][] s2 = {{2, 0.5, 0}, {0.5, 1, 0.25}, {0, 0.25, 3}};
        FrechetDistance.Result r = FrechetDistance.compute(mu1, zero, mu2, s2);
        assertEquals("eigen", r.method());
        assertEquals(0.0, r.traceSqrtProduct(), 0.0);
        assertEquals(1 + 4 + 6, r.value(), 1e-12);
    }

    @Test
    void closedFormForCommutingCovariances() {
        // diagonal covariances: tr sqrt(S1 S2) = sum sqrt(a_i b_i); FID = |mu1-mu2|^2 + sum (sqrt a_i - sqrt b_i)^2
        int d = 5;
        double[] mu1 = {0, 1, 2, 3, 4};
        double[] mu2 = {1, 1, 0, 3, 4.5};
        double[] av = {1, 4, 0.25, 9, 2};
        double[] bv = {4, 1, 0.25, 1, 8};
        double[][] s1 = new double[d][d];
        double[][] s2 = new double[d][d];
        double expected = 1 + 4 + 0.25;
        for (int i = 0; i < d; i++) {
            s1[i][i] = av[i];
            s2[i][i] = bv[i];
            expected += Math.pow(Math.sqrt(av[i]) - Math.sqrt(bv[i]), 2);
        }
        assertEquals(expected, FrechetDistance.compute(mu1, s1, mu2, s2).value(), 1e-12);
        // rotated: S1 = R diag(a) R^T, S2 = R diag(b) R^T commute; the distance is rotation invariant
        double c = Math.cos(0.7);
        double s = Math.sin(0.7);
        double[][] rot = {{c, -s, 0, 0, 0}, {s, c, 0, 0, 0}, {0, 0, 1, 0, 0}, {0, 0, 0, c, s}, {0, 0, 0, -s, c}};
        assertEquals(expected, FrechetDistance.compute(mul(rot, mu1), conj(rot, s1), mul(rot, mu2), conj(rot, s2)).value(), 1e-12);
        // identical Gaussians are at distance 0, singular or not
        double[][] sing = {{1, 1, 0, 0, 0}, {1, 1, 0, 0, 0}, {0, 0, 0, 0, 0}, {0, 0, 0, 2, 0}, {0, 0, 0, 0, 3}};
        assertEquals(0.0, FrechetDistance.compute(mu1, sing, mu1, sing).value(), 1e-12);
    }

    private static double[] mul(double[][] r, double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) for (int j = 0; j < v.length; j++) out[i] += r[i][j] * v[j];
        return out;
    }

    private static double[][] conj(double[][] r, double[][] m) {
        int n = m.length;
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) for (int k = 0; k < n; k++) for (int l = 0; l < n; l++) out[i][j] += r[i][k] * m[k][l] * r[j][l];
        return out;
    }

    @Test
    void rejectsMismatchedOrNonFiniteInput() {
        assertThrows(IllegalArgumentException.class, () -> FrechetDistance.compute(new double[2], new double[2][2], new double[3], new double[3][3]));
        assertThrows(IllegalArgumentException.class, () -> FrechetDistance.compute(new double[1], new double[][]{{Double.NaN}}, new double[1], new double[][]{{1}}));
    }
}
