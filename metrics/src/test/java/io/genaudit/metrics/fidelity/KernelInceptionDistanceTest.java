package io.genaudit.metrics.fidelity;

import io.genaudit.metrics.numerics.NumpyRandomState;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** KID against torch-fidelity's formula and subset sampling (make_reference.py), and numpy's RandomState stream. */
class KernelInceptionDistanceTest {
    private static final double[][] REAL = FidelityReference.matrix("real_200x64");
    private static final double[][] FAKE = FidelityReference.matrix("fake_200x64");

    @Test
    void numpyRandomStateStreamsMatchNumpy() {
        JsonNode ref = FidelityReference.json().get("numpy_random_state");
        NumpyRandomState rs = new NumpyRandomState(ref.get("seed").asLong());
        int[] p10 = rs.permutation(10);
        for (int i = 0; i < 10; i++) assertEquals(ref.get("permutation_10").get(i).asInt(), p10[i]);
        int[] c = rs.choiceWithoutReplacement(200, 5);
        for (int i = 0; i < 5; i++) assertEquals(ref.get("choice_200_5").get(i).asInt(), c[i]);
        int[] big = rs.permutation(70000);
        for (int i = 0; i < 5; i++) assertEquals(ref.get("permutation_70000_first5").get(i).asInt(), big[i]);
    }

    @Test
    void oneFullSubsetIsDeterministicAndMatches() {
        JsonNode ref = FidelityReference.json().get("kid").get("one_full_subset");
        KernelInceptionDistance.Result r = new KernelInceptionDistance(1, 1000, 0).compute(REAL, FAKE);
        assertEquals(200, r.subsetSize(), "subset size capped at the smaller set");
        assertEquals(ref.get("mean").asDouble(), r.mean(), 1e-12 * Math.abs(r.mean()) + 1e-15);
        assertEquals(ref.get("unshuffled").asDouble(), r.mean(), 1e-12 * Math.abs(r.mean()) + 1e-15);
        assertEquals(0.0, r.std());
    }

    @Tag("integration")
    @Test
    void seededSubsetsMatchTorchFidelity() {
        JsonNode ref = FidelityReference.json().get("kid").get("ten_subsets_50_seed2020");
        KernelInceptionDistance.Result r = new KernelInceptionDistance(10, 50, 2020).compute(REAL, FAKE);
        for (int s = 0; s < 10; s++) {
            double e = ref.get("per_subset").get(s).asDouble();
            assertEquals(e, r.perSubset()[s], 1e-11 * Math.abs(e) + 1e-14, "subset " + s);
        }
        assertEquals(ref.get("mean").asDouble(), r.mean(), 1e-11 * Math.abs(r.mean()));
        assertEquals(ref.get("std").asDouble(), r.std(), 1e-10 * r.std());
        JsonNode big = FidelityReference.json().get("kid").get("hundred_subsets_150_seed7");
        KernelInceptionDistance.Result r2 = new KernelInceptionDistance(100, 150, 7).compute(REAL, FAKE);
        assertEquals(big.get("mean").asDouble(), r2.mean(), 1e-11 * Math.abs(r2.mean()));
        assertEquals(big.get("std").asDouble(), r2.std(), 1e-9 * r2.std());
    }

    @Test
    void sameDistributionIsNearZeroAndDifferentSetsArePositive() {
        double[][] a = java.util.Arrays.copyOfRange(REAL, 0, 100);
        double[][] b = java.util.Arrays.copyOfRange(REAL, 100, 200);
        double same = new KernelInceptionDistance(1, 100, 0).compute(a, b).mean();
        assertEquals(FidelityReference.json().get("kid").get("same_distribution").get("mean").asDouble(), same, 1e-12);
        assertTrue(new KernelInceptionDistance(1, 200, 0).compute(REAL, FAKE).mean() > 10 * Math.abs(same));
    }
}
