package io.genaudit.metrics.bias;

import io.genaudit.engine.lm.LanguageModel;
import io.genaudit.engine.lm.SamplingSettings;
import io.genaudit.datasets.text.PlantedAssociationCorpus;
import io.genaudit.metrics.contract.MetricRun;
import io.genaudit.metrics.contract.ResultFields;
import io.genaudit.metrics.stats.Bootstrap;
import io.genaudit.metrics.stats.MultipleComparisons;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code bias-lm} metric computes exactly what the probes compute when they score and summarise in one go: the
 * model's scores travel as typed items, the statistics are the probes' own. Also: the headline follows the first
 * section present, and the evidence stays out of the output keys.
 */
class BiasLmMetricTest {
    private static final BiasLmMetric METRIC = new BiasLmMetric();

    /** Scores {@code suite} with {@code lm} as the input adapters do, then runs the metric over the batches. */
    private static BiasLmMetric.Result run(LmProbeScoring scoring, BiasSuite suite, BiasLmMetric.Params params, LanguageModel lm) {
        List<LmProbeScores> batches = new ArrayList<>();
        scoring.score(lm, suite, batches::add);
        return MetricRun.once(METRIC, params, batches);
    }

    @Test
    void plantedSuiteGivesTheProbesOwnReports() {
        PrefixCountLm lm = new PrefixCountLm(PlantedAssociationCorpus.planted().sentences(11), List.of(), 0.5);
        BiasSuite suite = BiasSuite.load("planted");
        BiasLmMetric.Params params = new BiasLmMetric.Params(MultipleComparisons.Method.HOLM, 0.95, 200, 0.1, 4);
        BiasLmMetric.Result r = run(new LmProbeScoring(SamplingSettings.greedy(5), 1, 4, 32), suite, params, lm);

        SentenceScorer scorer = new SentenceScorer(lm, 32);
        var pairs = new CounterfactualPairProbe(MultipleComparisons.Method.HOLM, 0.95).run(scorer, suite.pairs());
        var cooc = new CooccurrenceProbe(MultipleComparisons.Method.HOLM, 0.95, 0.1).run(scorer, suite.cooccurrence());
        assertEquals(pairs, r.reports().pairs());
        assertEquals(cooc, r.reports().cooccurrence());
        assertEquals(100 * pairs.overall().effect(), r.value(), 1e-12);
        assertEquals("%", r.unit());
        assertEquals(LmHeadline.Probe.PAIRS, r.headlineProbe());
        assertEquals(suite.pairs().size(), r.n());
        assertEquals(cooc.associations().rows().get(0).effect(), r.logOddsRatio(), 0);
        // the planted association (log odds ratio about 2.8) is the largest significant gap of all families
        GroupEffect contrast = cooc.associations().rows().get(0);
        assertEquals(contrast.group(), r.maxAbsGapGroup());
        assertEquals(Math.abs(contrast.effect()), r.maxAbsGap(), 0);
        Map<String, Object> keys = ResultFields.details(r);
        assertFalse(keys.containsKey("reports"), "evidence is not an output key: " + keys.keySet());
        assertTrue(keys.containsKey("max_abs_gap") && keys.containsKey("headline_probe"), keys.keySet().toString());
    }

    @Test
    void coreSuiteSectionsMatchTheProbesAndTheHeadlineIsTheDescriptors() {
        ScriptedLm lm = new ScriptedLm(t -> -1 - (t.contains("old") ? 0.4 : 0) - 0.01 * (t.length() % 7),
                (p, seed) -> p.contains("woman") || p.contains("She") ? " was kind and wonderful." : " was rude.");
        BiasSuite suite = BiasSuite.load("genaudit-core");
        SamplingSettings sampling = SamplingSettings.greedy(12);
        BiasLmMetric.Params params = new BiasLmMetric.Params(MultipleComparisons.Method.BH, 0.9, 100, 0, 7);
        BiasLmMetric.Result r = run(new LmProbeScoring(sampling, 2, 7, 16), suite, params, lm);

        SentenceScorer scorer = new SentenceScorer(lm, 16);
        var desc = new DescriptorProbe(MultipleComparisons.Method.BH, 0.9).run(scorer, suite.descriptors());
        var gen = new GenerationProbe(sampling, 2, 7, MultipleComparisons.Method.BH, 0.9, 100).run(lm, suite.generation(), VaderSentiment.standard(), suite.representation());
        assertEquals(desc.axes(), r.reports().descriptors().axes());
        assertEquals(desc.outliers(), r.reports().descriptors().outliers());
        assertEquals(desc.significantShare(), r.reports().descriptors().significantShare(), 0);
        assertEquals(gen, r.reports().generation());
        assertNull(r.reports().pairs());
        assertNull(r.reports().stereoSet());
        assertEquals(LmHeadline.Probe.DESCRIPTORS, r.headlineProbe());
        assertEquals(desc.significantShare(), r.value(), 0);
        assertNull(r.unit());
        assertEquals(desc.pairCount(), r.n());
    }

    @Test
    void stereoSetItemsGiveTheProbesReport() {
        List<StereoSetExample> ex = new ArrayList<>();
        for (int i = 0; i < 12; i++) ex.add(new StereoSetExample("x" + i, i % 3 == 0 ? "race" : "gender", "t", "c", "stereo s" + i, "anti a" + i, "unrelated u" + i));
        ScriptedLm lm = new ScriptedLm(t -> t.startsWith("stereo") ? -1 : t.startsWith("anti") ? -1.2 - 0.1 * (t.length() % 3) : -2, (p, s) -> "");
        BiasSuite suite = new BiasSuite("stereo", null, ex, null, null, null, null);
        BiasLmMetric.Result r = run(new LmProbeScoring(SamplingSettings.greedy(5), 1, 3, 8), suite,
                new BiasLmMetric.Params(MultipleComparisons.Method.HOLM, 0.95, 300, 0.1, 3), lm);
        var direct = new StereoSetProbe(MultipleComparisons.Method.HOLM, 0.95, new Bootstrap(300, 3)).run(new SentenceScorer(lm, 8), ex);
        assertEquals(direct, r.reports().stereoSet());
        assertEquals(direct.overall().icat(), r.value(), 0);
        assertEquals("ICAT", r.unit());
        assertEquals(100.0, r.ss(), 0, "every item prefers the stereotype");
    }
}
