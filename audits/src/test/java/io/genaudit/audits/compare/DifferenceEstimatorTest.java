package io.genaudit.audits.compare;

import io.genaudit.reports.AuditResult;
import io.genaudit.reports.GateOutcome;
import io.genaudit.values.Interval;
import io.genaudit.reports.PerDocumentScores;
import io.genaudit.reports.RunRecordJson;
import io.genaudit.values.DocumentScore;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/** Planted differences: real ones are found, absent ones are not (false-positive rate near the level). */
class DifferenceEstimatorTest {
    private static final int DOCS = 60;

    /** A perplexity result over DOCS documents whose per-token NLL is {@code nll} plus per-document noise. */
    private static AuditResult perplexity(String model, double nll, double[] docEffect, SplittableRandom r, double noise) {
        List<DocumentScore> docsOut = new ArrayList<>();
        double sn = 0;
        double st = 0;
        for (int i = 0; i < DOCS; i++) {
            double tokens = 200 + (i % 7) * 30;
            double perTok = nll + docEffect[i] + noise * r.nextGaussian();
            docsOut.add(new DocumentScore(i, "doc" + i, perTok * tokens, (long) tokens, 4 * (long) tokens, (long) tokens / 5));
            sn += perTok * tokens;
            st += tokens;
        }
        double ppl = Math.exp(sn / st);
        return AuditResult.builder("ppl", "perplexity").model(model).dataset("heldout").value(ppl).n((long) st)
                .setting("maxLength", 128).detail(PerDocumentScores.KEY, docsOut).build();
    }

    private static double[] docEffects(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] d = new double[DOCS];
        for (int i = 0; i < DOCS; i++) d[i] = 0.3 * r.nextGaussian();
        return d;
    }

    /** DOCS documents with seeded per-document effects and one noise stream that successive models draw from in turn. */
    private record Corpus(double[] effects, SplittableRandom noise) {
        static Corpus of(long effectSeed, long noiseSeed) {
            return new Corpus(docEffects(effectSeed), new SplittableRandom(noiseSeed));
        }

        AuditResult perplexity(String model, double nll, double noiseSd) {
            return DifferenceEstimatorTest.perplexity(model, nll, effects, noise, noiseSd);
        }
    }

    @Test
    void plantedPerplexityDifferenceIsFoundWithTheRightSize() {
        Corpus corpus = Corpus.of(1, 2);
        AuditResult a = corpus.perplexity("small", 1.50, 0.02);
        AuditResult b = corpus.perplexity("tiny", 1.55, 0.02);
        Difference d = new DifferenceEstimator(0.95, 1000, 7).estimate(a, b);
        assertTrue(d.method().startsWith("expanded percentile paired bootstrap over 60 documents"), d.method());
        assertTrue(d.pValue() < 0.01, "p=" + d.pValue());
        double expected = b.value() - a.value();
        assertEquals(expected, d.difference(), 1e-12);
        assertTrue(d.ci().low() > 0 && d.ci().contains(expected), d.ci().toString());
        // about the planted size: exp(1.55)-exp(1.50) ~ 0.233 on average documents
        assertEquals(Math.exp(1.55) - Math.exp(1.50), d.difference(), 0.08);
    }

    @Test
    void pairedBootstrapFalsePositiveRateIsNearTheLevel() {
        int reps = 120;
        int flagged = 0;
        for (int k = 0; k < reps; k++) {
            Corpus corpus = Corpus.of(100 + k, 1000 + k);
            // two seeds of equally good models: same true NLL, independent per-document noise
            Difference d = new DifferenceEstimator(0.95, 300, k).estimate(corpus.perplexity("seed1", 1.5, 0.05),
                    corpus.perplexity("seed2", 1.5, 0.05));
            if (d.pValue() < 0.05) flagged++;
        }
        double fpr = flagged / (double) reps;
        assertTrue(fpr <= 0.12, "false-positive rate " + fpr);
    }

    @Test
    void independentRunsFromIntervalsAreCalibrated() {
        SplittableRandom r = new SplittableRandom(5);
        int reps = 2000;
        int flagged = 0;
        for (int k = 0; k < reps; k++) {
            double s = 0.8;
            double x = 20 + s * r.nextGaussian();
            double y = 20 + s * r.nextGaussian();
            AuditResult a = new AuditResult("fid", "fid", "gan", "real", x, null, new Interval(0.95, x - 1.959964 * s, x + 1.959964 * s, "bootstrap"),
                    1000L, Map.of(), null, Map.of(), null, null, null, null);
            AuditResult b = new AuditResult("fid", "fid", "gan", "real", y, null, new Interval(0.95, y - 1.959964 * s, y + 1.959964 * s, "bootstrap"),
                    1000L, Map.of(), null, Map.of(), null, null, null, null);
            if (new DifferenceEstimator(0.95, 100, k).estimate(a, b).pValue() < 0.05) flagged++;
        }
        double fpr = flagged / (double) reps;
        assertEquals(0.05, fpr, 0.015, "false-positive rate " + fpr);
    }

    @Test
    void nonInferiorityJudgesOnTheInterval() {
        Corpus corpus = Corpus.of(3, 4);
        AuditResult base = corpus.perplexity("v1", 1.50, 0.02);
        AuditResult same = corpus.perplexity("v2", 1.50, 0.02);
        AuditResult worse = corpus.perplexity("v3", 1.60, 0.02);
        DifferenceEstimator est = new DifferenceEstimator(0.95, 1000, 1);
        GateOutcome ok = NonInferiority.evaluate(base, same, 0.05, false, est);
        assertTrue(ok.passed(), ok.explanation());
        assertTrue(ok.explanation().contains("is within the allowed 5.00%"), ok.explanation());
        GateOutcome bad = NonInferiority.evaluate(base, worse, 0.05, false, est);
        assertFalse(bad.passed(), bad.explanation());
        // a noisy candidate whose point estimate is fine but whose interval reaches past the margin fails
        AuditResult b0 = new AuditResult("fid", "fid", "v1", "real", 20.0, null, new Interval(0.95, 18, 22, "bootstrap"), 1000L,
                Map.of(), null, Map.of(), null, null, null, null);
        AuditResult c0 = new AuditResult("fid", "fid", "v2", "real", 20.5, null, new Interval(0.95, 18.5, 22.5, "bootstrap"), 1000L,
                Map.of(), null, Map.of(), null, null, null, null);
        GateOutcome noisy = NonInferiority.evaluate(b0, c0, 0.05, false, est);
        assertFalse(noisy.passed(), noisy.explanation());
    }

    @Test
    void comparabilityRefusesDifferentDataOrSettings() {
        AuditResult a = new AuditResult("fid", "fid", "gan", "real", 20.0, null, null, 10L,
                Map.of("data_sha256", "aaaaaaaaaaaaaaaaaaaa", "features", "inception"), null, null, null, null, null, null);
        AuditResult b = new AuditResult("fid", "fid", "vae", "real", 21.0, null, null, 10L,
                Map.of("data_sha256", "bbbbbbbbbbbbbbbbbbbb", "features", "dinov2", "seed", 3), null, null, null, null, null, null);
        List<String> p = Comparability.problems(a, b);
        assertEquals(2, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("different data"), p.toString());
        assertTrue(p.get(1).contains("setting 'features' differs: inception vs dinov2"), p.toString());
        assertTrue(Comparability.problems(a, a).isEmpty());
    }

    /** A run.json read back holds the scores as JSON objects: the comparison reads them as the same typed records. */
    @Test
    void scoresReadBackFromJsonPairAsTheRecordsDo() {
        double[] docs = docEffects(3);
        AuditResult a = perplexity("small", 1.50, docs, new SplittableRandom(4), 0.02);
        AuditResult b = perplexity("tiny", 1.55, docs, new SplittableRandom(5), 0.02);
        AuditResult bJson = b.toBuilder().detail(PerDocumentScores.KEY,
                RunRecordJson.mapper().convertValue(b.details().get(PerDocumentScores.KEY), List.class)).build();
        assertInstanceOf(Map.class, ((List<?>) bJson.details().get(PerDocumentScores.KEY)).get(0));
        assertEquals(PerDocumentScores.of(b), PerDocumentScores.of(bJson));
        Difference typed = new DifferenceEstimator(0.95, 200, 1).estimate(a, b);
        assertTrue(typed.method().contains("paired bootstrap over 60 documents"), typed.method());
        assertEquals(typed, new DifferenceEstimator(0.95, 200, 1).estimate(a, bJson));
        AuditResult legacy = b.toBuilder().detail(PerDocumentScores.KEY, List.of(Map.of("nll_nats", 3.0, "tokens", 2L), Map.of("nll_nats", 4.0, "tokens", 2L))).build();
        assertNull(PerDocumentScores.of(legacy), "pre-record per_document entries are not taken for scores");
    }
}
