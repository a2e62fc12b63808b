package io.genaudit.metrics.perplexity;

import io.genaudit.values.DocumentScore;
import io.genaudit.metrics.contract.MetricRun;
import io.genaudit.engine.Progress;
import io.genaudit.datasets.BuiltInDatasets;
import io.genaudit.datasets.text.MarkovSource;
import io.genaudit.metrics.stats.Bootstrap;
import io.genaudit.values.Interval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Closed-form check: the markov-heldout fixture's true source has perplexity exp(entropy rate) on its own text. */
class MarkovSourcePerplexityTest {
    @Test
    void trueSourceOnHeldoutFixtureHasPerplexityExpEntropyRate(@TempDir Path cache) throws Exception {
        MarkovSource src = MarkovSource.standard();
        Path heldout = BuiltInDatasets.materialize("markov-heldout", 0, cache);
        List<String> docs = TextDocuments.read(heldout);
        List<DocumentScore> scores = new RollingLogLikelihood(MarkovSourceLanguageModel.of(src, 64), new SlidingWindowPlan(64, 32), 16)
                .score(docs, Progress.SILENT);
        PerplexityMetric.Result r = MetricRun.once(new PerplexityMetric(), new PerplexityMetric.Params(300, 0.95, 5), scores);
        assertEquals(docs.stream().mapToLong(d -> d.length() - 1).sum(), r.tokens());
        double truth = src.perplexityLowerBound();
        Interval ci = r.ci();
        double se = (ci.high() - ci.low()) / (2 * 1.96);
        assertTrue(Math.abs(r.value() - truth) < 4 * se,
                "perplexity " + r.value() + " vs exp(H) " + truth + ", bootstrap SE " + se);
        assertEquals(truth, r.value(), 0.02 * truth);
        // one byte per token: bits per byte is the per-token NLL in bits, up to the unscored first byte per document
        assertEquals(r.nllNats() / r.bytes() / Math.log(2), r.bitsPerByte(), 1e-12);
        assertEquals(Math.log(r.value()) * r.tokens() / r.bytes(), Math.log(r.bytePerplexity()), 1e-9);
    }
}
