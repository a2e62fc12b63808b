package io.genaudit.metrics.fidelity;

import io.genaudit.metrics.numerics.PairwiseDistances;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

/** Precision, recall, density, coverage against the prdc package's formulas (make_reference.py) and by hand. */
class PrecisionRecallDensityCoverageTest {

    private static void assertMatches(JsonNode ref, PrecisionRecallDensityCoverage.Result r) {
        assertEquals(ref.get("precision").asDouble(), r.precision(), 1e-12);
        assertEquals(ref.get("recall").asDouble(), r.recall(), 1e-12);
        assertEquals(ref.get("density").asDouble(), r.density(), 1e-12);
        assertEquals(ref.get("coverage").asDouble(), r.coverage(), 1e-12);
    }

    @Test
    void matchesPrdcPackage() {
        double[][] real = FidelityReference.matrix("real_200x64");
        double[][] fake = Arrays.copyOf(FidelityReference.matrix("fake_200x64"), 150);
        JsonNode ref = FidelityReference.json().get("prdc");
        assertMatches(ref.get("k5"), new PrecisionRecallDensityCoverage(5).compute(real, fake));
        assertMatches(ref.get("k3"), new PrecisionRecallDensityCoverage(3).compute(real, fake));
        assertMatches(ref.get("same_distribution_k5"),
                new PrecisionRecallDensityCoverage(5).compute(Arrays.copyOf(real, 100), Arrays.copyOfRange(real, 100, 200)));
    }

    @Test
    void smallExampleByHand() {
        // real on a line at 0,1,2,3 (k=1 radii: 1,1,1,1); fake at 0.5 and 10
        double[][] real = {{0}, {1}, {2}, {3}};
        double[][] fake = {{0.5}, {10}};
        PrecisionRecallDensityCoverage.Result r = new PrecisionRecallDensityCoverage(1).compute(real, fake);
        assertEquals(0.5, r.precision(), 0.0);   // 0.5 is inside the balls of 0 and 1; 10 is in none
        assertEquals(1.0, r.recall(), 0.0);      // fake radii are 9.5: every real point lies within 9.5 of 0.5
        assertEquals(1.0, r.density(), 0.0);     // 0.5 lies in 2 real balls, 10 in none: (2 + 0) / 2 / k
        assertEquals(0.5, r.coverage(), 0.0);    // nearest fake of 0 and 1 is 0.5 (< 1); of 2 and 3 it is too far
    }

    @Test
    void kthNeighbourRadiusExcludesSelf() {
        double[] x = {0, 1, 3, 7};
        double[] radii = PairwiseDistances.kthNeighbourRadii(x, 4, 1, 1);
        assertArrayEquals(new double[]{1, 1, 2, 4}, radii, 1e-12);
        assertArrayEquals(new double[]{3, 2, 3, 6}, PairwiseDistances.kthNeighbourRadii(x, 4, 1, 2), 1e-12);
    }
}
