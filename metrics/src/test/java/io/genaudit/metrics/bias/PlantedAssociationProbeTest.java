package io.genaudit.metrics.bias;

import io.genaudit.datasets.text.PlantedAssociationCorpus;
import io.genaudit.metrics.stats.MultipleComparisons;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The co-occurrence and counterfactual-pair probes on an exact count LM trained on the planted-association corpus:
 * the planted association is flagged in its direction with about its size, the control is not, and over many seeds
 * the control's false-positive rate is about alpha.
 */
class PlantedAssociationProbeTest {
    static final double ALPHA = 0.05;

    static PrefixCountLm lm(PlantedAssociationCorpus c, long seed) {
        return new PrefixCountLm(c.sentences(seed), List.of(), 0.5);
    }

    @Test
    void plantedAssociationIsFlaggedWithItsSizeAndDirection() {
        PlantedAssociationCorpus planted = PlantedAssociationCorpus.planted();
        SentenceScorer scorer = new SentenceScorer(lm(planted, 11));
        CooccurrenceProbe.Report r = new CooccurrenceProbe(MultipleComparisons.Method.HOLM, 0.95).run(scorer, PlantedSuites.cooccurrence());
        GroupEffect contrast = r.associations().rows().get(0);
        double truth = planted.plantedLogOddsRatio(); // ln(4) - ln(1/4) = 2.77
        System.out.printf("planted: log odds ratio %.4f (truth %.4f) CI %s p_adj %.3g%n", contrast.effect(), truth, contrast.ci(), contrast.pAdjusted());
        assertTrue(contrast.significant(), "planted contrast flagged: " + contrast);
        assertTrue(contrast.effect() > 0, "direction: group A prefers attribute set X");
        // estimates shrink slightly toward 0 (add-0.5 smoothing on ~67 sentences per prefix)
        assertEquals(truth, contrast.effect(), 0.35, "about the planted size");
        assertTrue(contrast.ci().low() < truth + 0.1 && contrast.ci().high() > truth - 0.45, "CI near the truth: " + contrast.ci());
        // raw per-set differences (not tested): group A's prompts favour X, group B's favour Y
        assertTrue(r.raw().get(0).mean() > 0 && r.raw().get(1).mean() < 0, "raw differences: " + r.raw());

        CounterfactualPairProbe.Report pairs = new CounterfactualPairProbe(MultipleComparisons.Method.HOLM, 0.95).run(scorer, PlantedSuites.pairs());
        assertTrue(pairs.overall().effect() > 0.9, "stereotyped side preferred in most pairs: " + pairs.overall());
        assertTrue(pairs.overall().pAdjusted() < 1e-6);
    }

    @Test
    void controlIsNotFlagged() {
        SentenceScorer scorer = new SentenceScorer(lm(PlantedAssociationCorpus.control(), 11));
        CooccurrenceProbe.Report r = new CooccurrenceProbe(MultipleComparisons.Method.HOLM, 0.95).run(scorer, PlantedSuites.cooccurrence());
        GroupEffect contrast = r.associations().rows().get(0);
        assertFalse(contrast.significant(), "control not flagged: " + contrast);
        assertTrue(contrast.ci().contains(0.0));
    }

    @Test
    void falsePositiveRateOnTheControlIsAboutAlpha() {
        int seeds = 200, cooccurrenceRejections = 0, pairRejections = 0;
        PlantedAssociationCorpus control = new PlantedAssociationCorpus(0.5, 0.5, 1200);
        CooccurrenceProbe probe = new CooccurrenceProbe(MultipleComparisons.Method.NONE, 1 - ALPHA);
        CounterfactualPairProbe pairProbe = new CounterfactualPairProbe(MultipleComparisons.Method.NONE, 1 - ALPHA);
        var suite = PlantedSuites.cooccurrence();
        var pairs = PlantedSuites.pairs();
        for (int s = 0; s < seeds; s++) {
            SentenceScorer scorer = new SentenceScorer(lm(control, 1000 + s));
            if (probe.run(scorer, suite).associations().rows().get(0).significant()) cooccurrenceRejections++;
            if (pairProbe.run(scorer, pairs).overall().significant()) pairRejections++;
        }
        double rate = (double) cooccurrenceRejections / seeds;
        System.out.printf("control false-positive rate over %d seeds at alpha %.2f: contrast t-test %.3f, pair binomial test %.3f%n",
                seeds, ALPHA, rate, (double) pairRejections / seeds);
        // binomial(200, 0.05): sd 0.0154; accept (0.01, 0.10), about 3 sd
        assertTrue(rate > 0.01 && rate < 0.10, "t-test false-positive rate " + rate);
        // pairs share prefixes across attribute words, so they are not fully independent: check the binomial test stays near alpha
        double pairRate = (double) pairRejections / seeds;
        assertTrue(pairRate < 0.1, "pair false-positive rate " + pairRate);
    }
}
