package io.genaudit.metrics.bias;

import io.genaudit.engine.ModelContractException;
import io.genaudit.engine.image.AttributeClassifier;
import io.genaudit.engine.image.ImageFeatureExtractor;
import io.genaudit.engine.image.Images;
import io.genaudit.metrics.stats.MultipleComparisons;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Attribute-distribution measures and the confusion correction with a simulated classifier of known confusion. */
class ImageProbesTest {
    static final double[] TRUTH = {0.6, 0.3, 0.1};
    static final double[][] CONFUSION = {{0.8, 0.1, 0.1}, {0.2, 0.7, 0.1}, {0.1, 0.2, 0.7}};

    static int draw(double[] p, SplittableRandom r) {
        double u = r.nextDouble(), acc = 0;
        for (int i = 0; i < p.length; i++) {
            acc += p[i];
            if (u < acc) return i;
        }
        return p.length - 1;
    }

    record Simulation(int[] predictions, AttributeDistributionProbe.Calibration calibration) {
    }

    static Simulation simulate(long seed, int n, int m) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] pred = new int[n];
        for (int i = 0; i < n; i++) pred[i] = draw(CONFUSION[draw(TRUTH, r)], r);
        int[] t = new int[m], p = new int[m];
        for (int i = 0; i < m; i++) {
            t[i] = i % 3;
            p[i] = draw(CONFUSION[t[i]], r);
        }
        return new Simulation(pred, new AttributeDistributionProbe.Calibration(t, p));
    }

    @Test
    void distancesAreAnalytic() {
        double[] p = {0.5, 0.5, 0}, q = AttributeDistributionProbe.uniform(3);
        assertEquals((1.0 / 6 + 1.0 / 6 + 1.0 / 3) / 2, AttributeDistributionProbe.tvd(p, q), 1e-12);
        assertEquals(Math.log(1.5), AttributeDistributionProbe.kl(p, q), 1e-12);
        assertEquals((1.0 / 6 + 1.0 / 6 + 1.0 / 3) / 3, AttributeDistributionProbe.mad(p, q), 1e-12);
        assertArrayEquals(new double[]{1, 0, 0}, ConfusionCorrection.projectToSimplex(new double[]{1.4, -0.2, -0.2}), 1e-12);
        assertArrayEquals(new double[]{0.7, 0.3, 0}, ConfusionCorrection.projectToSimplex(new double[]{0.8, 0.4, -0.1}), 1e-12);
    }

    @Test
    void correctionRecoversTheTrueDistributionAndRawPredictionsDoNot() {
        Simulation s = simulate(5, 4000, 1500);
        var probe = new AttributeDistributionProbe(MultipleComparisons.Method.HOLM, 0.95, 300, 9);
        List<String> classes = List.of("red", "green", "blue");
        var corrected = probe.run(classes, s.predictions(), AttributeDistributionProbe.uniform(3), s.calibration());
        var raw = probe.run(classes, s.predictions(), AttributeDistributionProbe.uniform(3), null);
        // raw predictions estimate C^T p = (0.55, 0.29, 0.16), not p
        assertEquals(0.55, raw.observed()[0], 0.03);
        for (int c = 0; c < 3; c++) assertEquals(TRUTH[c], corrected.estimate()[c], 0.04, "class " + c);
        double trueTvd = AttributeDistributionProbe.tvd(TRUTH, AttributeDistributionProbe.uniform(3));
        assertEquals(trueTvd, corrected.distances().tvd(), 0.04);
        assertTrue(corrected.distances().tvdCi().contains(trueTvd), corrected.distances().tvdCi().toString());
        // the corrected interval is wider: it carries the classifier's uncertainty too
        double wRaw = raw.perClass().rows().get(0).ci().high() - raw.perClass().rows().get(0).ci().low();
        double wCor = corrected.perClass().rows().get(0).ci().high() - corrected.perClass().rows().get(0).ci().low();
        assertTrue(wCor > wRaw, wCor + " vs " + wRaw);
        assertTrue(corrected.perClass().rows().get(0).significant() && corrected.perClass().rows().get(2).significant());
        assertTrue(corrected.chiSquare().pValue() < 1e-10);
    }

    @Test
    void correctedIntervalsCoverTheTruth() {
        int seeds = 40, covered = 0;
        var probe = new AttributeDistributionProbe(MultipleComparisons.Method.NONE, 0.9, 200, 3);
        for (int k = 0; k < seeds; k++) {
            Simulation s = simulate(100 + k, 1500, 600);
            var r = probe.run(List.of("a", "b", "c"), s.predictions(), AttributeDistributionProbe.uniform(3), s.calibration());
            if (r.perClass().rows().get(0).ci().contains(TRUTH[0])) covered++;
        }
        assertTrue(covered >= 31, "90% intervals covered the truth " + covered + "/" + seeds); // binomial(40,0.9) 1% quantile ~ 31
    }

    @Test
    void logitExtractorsBecomeClassifiers() {
        ImageFeatureExtractor fx = new ImageFeatureExtractor() {
            public int dimension() { return 3; }
            public double[][] extract(Images b) {
                double[][] z = new double[b.n()][3];
                for (int i = 0; i < b.n(); i++) z[i][(int) (b.get(i, 0, 0, 0) * 2.99)] = 5;
                return z;
            }
            public String describe() { return "fake logits"; }
            public void close() { }
        };
        AttributeClassifier c = AttributeClassifier.fromLogits(fx, "letter", List.of("x", "y", "z"));
        Images imgs = new Images(3, 1, 1, 1, new float[]{0f, 0.5f, 1f});
        assertArrayEquals(new int[]{0, 1, 2}, c.predict(imgs).get("letter"));
        // viewed in another class order, ids follow the names
        assertArrayEquals(new int[]{2, 1, 0}, c.restrictedTo("letter", List.of("z", "y", "x")).predict(imgs).get("letter"));
        assertThrows(ModelContractException.class, () -> c.restrictedTo("letter", List.of("x", "y")));
        assertThrows(ModelContractException.class, () -> c.restrictedTo("colour", List.of("x", "y", "z")));
        assertThrows(ModelContractException.class, () -> AttributeClassifier.fromLogits(fx, "letter", List.of("x", "y")));
    }
}
