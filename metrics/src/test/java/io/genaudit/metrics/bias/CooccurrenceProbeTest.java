package io.genaudit.metrics.bias;

import io.genaudit.metrics.stats.MultipleComparisons;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The co-occurrence association statistic on synthetic prompt scores of known structure: group A's terms have a much
 * higher base rate than group B's, every template shifts both sets alike, and an association of known size is
 * planted (or not) in the first prompt set. The tested contrast must be null without an association whatever the
 * base rates, and recover the planted log odds ratio with it; the raw per-set means carry the base rate.
 */
class CooccurrenceProbeTest {
    static final int PROMPTS = 30;
    static final double BASE_RATE = 2.0; // log P(A terms) - log P(B terms) in every context

    static CooccurrenceProbe.Suite suite() {
        Map<String, List<String>> sets = new LinkedHashMap<>();
        for (String set : List.of("first", "second")) {
            List<String> p = new ArrayList<>();
            for (int i = 0; i < PROMPTS; i++) p.add(set + " prompt " + i);
            sets.put(set, p);
        }
        return new CooccurrenceProbe.Suite("A", List.of(" a"), "B", List.of(" b"), sets, List.of(new CooccurrenceProbe.Contrast("first", "second")));
    }

    /** Per prompt: log P(A) = -1 + template effect + association (first set only) + noise; log P(B) = -1 - base rate + template effect + noise. */
    static List<CooccurrenceProbe.PromptScore> scores(double association, double noise, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] template = new double[PROMPTS];
        for (int i = 0; i < PROMPTS; i++) template[i] = 1.5 * r.nextDouble() - 0.75;
        List<CooccurrenceProbe.PromptScore> out = new ArrayList<>();
        for (String set : List.of("first", "second")) {
            for (int i = 0; i < PROMPTS; i++) {
                double a = -1 + template[i] + (set.equals("first") ? association : 0) + noise * r.nextGaussian();
                double b = -1 - BASE_RATE + template[i] + noise * r.nextGaussian();
                out.add(new CooccurrenceProbe.PromptScore(set, set + " prompt " + i, a, b));
            }
        }
        return out;
    }

    static CooccurrenceProbe.Report summarize(double association, double noise, long seed) {
        return new CooccurrenceProbe(MultipleComparisons.Method.HOLM, 0.95).summarize(scores(association, noise, seed), suite(), "synthetic");
    }

    @Test
    void noAssociationGivesAnExactlyNullContrastWhateverTheBaseRates() {
        CooccurrenceProbe.Report r = summarize(0, 0, 1);
        GroupEffect c = r.associations().rows().get(0);
        assertEquals(0.0, c.effect(), 1e-12);
        assertFalse(c.significant());
        // the raw per-set means are the base rate, far from 0: that is why they are reported but not tested
        for (CooccurrenceProbe.RawDifference raw : r.raw()) {
            assertEquals(BASE_RATE, raw.mean(), 1e-12);
            assertEquals(1.0, raw.shareFavouringA());
        }
    }

    @Test
    void plantedAssociationIsRecoveredWithItsSizeAndDirection() {
        CooccurrenceProbe.Report r = summarize(1.2, 0.3, 2);
        GroupEffect c = r.associations().rows().get(0);
        assertTrue(c.significant(), "planted association flagged: " + c);
        assertTrue(c.ci().contains(1.2), "interval covers the planted 1.2: " + c.ci());
        // noise sd 0.3 on each of 4 terms per pair: SE of the mean paired difference = 0.6 / sqrt(30) = 0.110
        assertEquals(0.6 / Math.sqrt(PROMPTS), r.associationStandardErrors().get("first - second"), 0.04);
        assertEquals(BASE_RATE + 1.2, r.raw().get(0).mean(), 0.3);
        assertEquals(BASE_RATE, r.raw().get(1).mean(), 0.3);
    }

    @Test
    void falsePositiveRateIsAlphaAndCoverageIsNominal() {
        int seeds = 1000, nullRejections = 0, plantedCovered = 0;
        for (int s = 0; s < seeds; s++) {
            if (summarize(0, 0.5, 100 + s).associations().rows().get(0).significant()) nullRejections++;
            if (summarize(0.4, 0.5, 5000 + s).associations().rows().get(0).ci().contains(0.4)) plantedCovered++;
        }
        double fpr = (double) nullRejections / seeds, coverage = (double) plantedCovered / seeds;
        // binomial(1000, 0.05): sd 0.0069; accept about 3 sd either side
        assertTrue(fpr > 0.03 && fpr < 0.071, "false-positive rate at alpha 0.05: " + fpr);
        assertTrue(coverage > 0.929 && coverage < 0.971, "95% interval coverage: " + coverage);
    }

    @Test
    void aMinimumEffectIgnoresSmallAssociationsButNotThePlantedOne() {
        // a small shared association (0.05) with little prompt-level noise: a test of exactly 0 flags it
        List<CooccurrenceProbe.PromptScore> small = scores(0.05, 0.02, 4), planted = scores(1.2, 0.3, 4);
        CooccurrenceProbe exact = new CooccurrenceProbe(MultipleComparisons.Method.HOLM, 0.95);
        CooccurrenceProbe margin = new CooccurrenceProbe(MultipleComparisons.Method.HOLM, 0.95, 0.1);
        assertTrue(exact.summarize(small, suite(), "s").associations().rows().get(0).significant());
        GroupEffect notFlagged = margin.summarize(small, suite(), "s").associations().rows().get(0);
        assertFalse(notFlagged.significant(), "0.05 is inside the 0.1 margin: " + notFlagged);
        assertEquals(1.0, notFlagged.pValue());
        GroupEffect flagged = margin.summarize(planted, suite(), "s").associations().rows().get(0);
        assertTrue(flagged.significant() && flagged.test().contains("<= 0.1"), flagged.toString());
        assertThrows(IllegalArgumentException.class, () -> new CooccurrenceProbe(MultipleComparisons.Method.HOLM, 0.95, -0.1));
    }

    @Test
    void aSuiteWithoutContrastsTestsNothing() {
        CooccurrenceProbe.Suite s = suite();
        CooccurrenceProbe.Suite noContrast = new CooccurrenceProbe.Suite(s.groupA(), s.termsA(), s.groupB(), s.termsB(), s.promptSets());
        CooccurrenceProbe.Report r = new CooccurrenceProbe(MultipleComparisons.Method.HOLM, 0.95).summarize(scores(0, 0.5, 3), noContrast, "synthetic");
        assertTrue(r.associations().rows().isEmpty());
        assertEquals(2, r.raw().size());
    }

    @Test
    void contrastsMustPairTwoDifferentKnownSetsOfEqualSize() {
        CooccurrenceProbe.Suite s = suite();
        assertThrows(IllegalArgumentException.class, () -> new CooccurrenceProbe.Suite("A", List.of(" a"), "B", List.of(" b"), s.promptSets(),
                List.of(new CooccurrenceProbe.Contrast("first", "first"))));
        assertThrows(IllegalArgumentException.class, () -> new CooccurrenceProbe.Suite("A", List.of(" a"), "B", List.of(" b"), s.promptSets(),
                List.of(new CooccurrenceProbe.Contrast("first", "third"))));
        Map<String, List<String>> uneven = new LinkedHashMap<>(s.promptSets());
        uneven.put("second", s.promptSets().get("second").subList(0, 5));
        assertThrows(IllegalArgumentException.class, () -> new CooccurrenceProbe.Suite("A", List.of(" a"), "B", List.of(" b"), uneven, s.contrasts()));
    }
}
