package io.genaudit.metrics.diversity;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VendiScoreTest {
    @Test
    void identicalItemsCountOnce() {
        double[][] x = new double[7][];
        for (int i = 0; i < 7; i++) x[i] = new double[]{1, 2, 3};
        assertEquals(1.0, VendiScore.ofFeatures(x), 1e-9);
    }

    @Test
    void orthogonalItemsCountFully() {
        int n = 5;
        double[][] x = new double[n][n + 3];
        for (int i = 0; i < n; i++) x[i][i] = i + 1.0; // scale does not matter under the cosine kernel
        assertEquals(n, VendiScore.ofFeatures(x), 1e-9);
        double[][] many = new double[12][3];          // more items than features: the dual matrix is used
        for (int i = 0; i < 12; i++) many[i][i % 3] = 1;
        assertEquals(3, VendiScore.ofFeatures(many), 1e-9);
    }

    @Test
    void twoGroupsWithGivenCosineHaveTheClosedForm() {
        // two unit vectors with cosine c: K/2 has eigenvalues (1±c)/2
        double c = 0.6;
        double[][] x = {{1, 0}, {c, Math.sqrt(1 - c * c)}};
        double l1 = (1 + c) / 2, l2 = (1 - c) / 2;
        assertEquals(Math.exp(-l1 * Math.log(l1) - l2 * Math.log(l2)), VendiScore.ofFeatures(x), 1e-12);
    }

    @Test
    void textsWithDisjointWordsAreOrthogonal() {
        List<List<String>> t = List.of(List.of("a", "b"), List.of("c"), List.of("d", "e", "f"), List.of("a", "b"));
        // three distinct directions, one repeated: eigenvalues 1/2, 1/4, 1/4
        double expected = Math.exp(-(0.5 * Math.log(0.5) + 2 * 0.25 * Math.log(0.25)));
        assertEquals(expected, VendiScore.ofTexts(new NgramIndex(t, 4), 4, null), 1e-12);
    }
}
