package io.genaudit.metrics.perplexity;

import io.genaudit.values.DocumentScore;
import io.genaudit.metrics.contract.MetricRun;
import io.genaudit.engine.Progress;
import io.genaudit.metrics.stats.Bootstrap;
import io.genaudit.values.Interval;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RollingLogLikelihoodTest {
    static final double[][] P = {{0.5, 0.3, 0.2}, {0.1, 0.6, 0.3}, {0.4, 0.4, 0.2}};
    static final double[] INIT = {0.2, 0.5, 0.3};

    private static MarkovChainLanguageModel chain(boolean bos) {
        return new MarkovChainLanguageModel(P, INIT, "abc", bos, 16);
    }

    private static double bigramNll(MarkovChainLanguageModel m, String doc, boolean bos) {
        int[] ids = m.tokenizer().encode(doc);
        double s = bos ? -Math.log(INIT[ids[0]]) : 0;
        for (int i = 1; i < ids.length; i++) s -= Math.log(P[ids[i - 1]][ids[i]]);
        return s;
    }

    @Test
    void markovChainNllIsTheAnalyticSumWhateverTheBatching() {
        MarkovChainLanguageModel m = chain(false);
        List<String> docs = List.of("abcabcaab", "c", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbca", "acacbcbbca");
        for (int batch : new int[]{1, 3, 100}) {
            List<DocumentScore> s = new RollingLogLikelihood(m.model(), new SlidingWindowPlan(8, 3), batch).score(docs, Progress.SILENT);
            for (int d = 0; d < docs.size(); d++) {
                assertEquals(bigramNll(m, docs.get(d), false), s.get(d).nllNats(), 1e-5, "doc " + d + " batch " + batch);
                assertEquals(docs.get(d).length() - 1, s.get(d).tokens());
            }
        }
        assertTrue(Double.isNaN(new RollingLogLikelihood(m.model(), new SlidingWindowPlan(8, 3), 2)
                .score(List.of("c"), Progress.SILENT).get(0).tokenPerplexity()));
    }

    @Test
    void bosMakesTheFirstTokenATarget() {
        MarkovChainLanguageModel m = chain(true);
        String doc = "abcabbbcaacb";
        DocumentScore s = new RollingLogLikelihood(m.model(), new SlidingWindowPlan(5, 2), 4).score(List.of(doc), Progress.SILENT).get(0);
        assertEquals(doc.length(), s.tokens());
        assertEquals(bigramNll(m, doc, true), s.nllNats(), 1e-5);
    }

    @Test
    void everyTargetIsScoredOnceWithTheRecipesContext() {
        ExactTestLanguageModel m = ContextProbeModel.of("abcd", false, 4);
        String doc = "abcdabcdab"; // ids 0 1 2 3 0 1 2 3 0 1
        DocumentScore s = new RollingLogLikelihood(m, new SlidingWindowPlan(4, 2), 2).score(List.of(doc), Progress.SILENT).get(0);
        // windows [0,4) targets 1..3 (contexts 1,2,3); [2,6) targets 4,5 (contexts 2,3); [4,8) 6,7; [6,10) 8,9
        int[] ctx = {0, 1, 2, 3, 2, 3, 2, 3, 2, 3};
        int[] ids = m.tokenizer().encode(doc);
        double expected = 0;
        for (int t = 1; t < ids.length; t++) expected -= (float) ContextProbeModel.logProb(ctx[t], ids[t]);
        assertEquals(9, s.tokens());
        assertEquals(expected, s.nllNats(), 1e-9);
    }

    @Test
    void corpusFiguresAreRatiosOfSums() {
        PerplexityMetric metric = new PerplexityMetric();
        PerplexityMetric.Params p = new PerplexityMetric.Params(0, 0.95, 0);
        DocumentScoreState a = metric.update(metric.newState(p), new DocumentScore(1, "b", 6.0, 3, 12, 2));
        DocumentScoreState b = metric.update(metric.newState(p), new DocumentScore(0, "a", 10.0, 5, 20, 4));
        PerplexityMetric.Result r = metric.compute(metric.merge(a, b), p);
        assertEquals(List.of("a", "b"), r.perDocument().stream().map(DocumentScore::id).toList(), "corpus order, whatever the merge order");
        assertEquals(Math.exp(16.0 / 8), r.value(), 1e-12);
        assertEquals(Math.exp(16.0 / 6), r.wordPerplexity(), 1e-12);
        assertEquals(Math.exp(16.0 / 32), r.bytePerplexity(), 1e-12);
        assertEquals(16.0 / 32 / Math.log(2), r.bitsPerByte(), 1e-12);
        assertEquals(8, r.tokens());
        assertEquals(2, r.documents());
    }

    /** The true source scored on its own long sample: perplexity → exp(entropy rate). */
    @Test
    void trueSourcePerplexityApproachesExpEntropyRate() {
        MarkovChainLanguageModel m = chain(false);
        String sample = m.sample(200_000, 7);
        List<String> docs = new java.util.ArrayList<>();
        for (int i = 0; i < sample.length(); i += 2000) docs.add(sample.substring(i, i + 2000));
        List<DocumentScore> s = new RollingLogLikelihood(m.model(), SlidingWindowPlan.nonOverlapping(16), 64).score(docs, Progress.SILENT);
        PerplexityMetric.Result r = MetricRun.once(new PerplexityMetric(), new PerplexityMetric.Params(200, 0.95, 1), s);
        double ppl = r.value();
        double truth = Math.exp(m.entropyRate());
        assertEquals(truth, ppl, 0.01 * truth);
        Interval ci = PerplexityBootstrap.tokenPerplexity(s, new Bootstrap(200, 1), 0.95);
        assertTrue(ci.contains(ppl), ci.toString());
        double se = (ci.high() - ci.low()) / (2 * 1.96);
        assertTrue(Math.abs(ppl - truth) < 4 * se, "perplexity " + ppl + " should be within 4 bootstrap SE of exp(H) = " + truth);
        assertEquals(ci, PerplexityBootstrap.tokenPerplexity(s, new Bootstrap(200, 1), 0.95));
        assertEquals(ci, r.ci(), "the metric's interval is the document bootstrap");
    }
}
