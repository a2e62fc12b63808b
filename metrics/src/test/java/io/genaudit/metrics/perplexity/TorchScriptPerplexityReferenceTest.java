package io.genaudit.metrics.perplexity;

import io.genaudit.values.DocumentScore;
import io.genaudit.metrics.contract.MetricRun;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genaudit.engine.Progress;
import io.genaudit.engine.lm.ByteTokenizer;
import io.genaudit.engine.lm.TorchScriptLanguageModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Perplexity of a tiny TorchScript LM through DJL against PyTorch: fixtures/reference/lm/make_reference.py computed
 * the Hugging Face sliding-window recipe and lm-eval's word/byte perplexity and bits per byte on reference-text.txt.
 */
class TorchScriptPerplexityReferenceTest {
    @BeforeAll
    static void offline() {
        System.setProperty("ai.djl.offline", "true");
    }

    private static Path resource(String name) throws Exception {
        return Path.of(TorchScriptPerplexityReferenceTest.class.getResource(name).toURI());
    }

    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-5 * Math.abs(expected), what);
    }

    @Test
    void matchesPyTorchReference() throws Exception {
        JsonNode exp = new ObjectMapper().readTree(resource("perplexity_expected.json").toFile());
        List<String> docs = TextDocuments.read(resource("reference-text.txt"));
        assertEquals(exp.get("documents").asInt(), docs.size());
        for (int d = 0; d < docs.size(); d++) {
            assertEquals(exp.get("words").get(d).asLong(), TextCounts.words(docs.get(d)), "words of document " + d);
            assertEquals(exp.get("bytes").get(d).asLong(), TextCounts.bytes(docs.get(d)), "bytes of document " + d);
        }
        try (TorchScriptLanguageModel lm = new TorchScriptLanguageModel(resource("tiny-lm.pt"), ByteTokenizer.INSTANCE,
                exp.get("context_length").asInt())) {
            for (JsonNode s : exp.get("settings")) {
                SlidingWindowPlan plan = new SlidingWindowPlan(s.get("max_length").asInt(), s.get("stride").asInt());
                String at = " at max_length=" + plan.contextLength() + " stride=" + plan.stride();
                List<DocumentScore> scores = new RollingLogLikelihood(lm, plan, 5).score(docs, Progress.SILENT);
                PerplexityMetric.Result r = MetricRun.once(new PerplexityMetric(), new PerplexityMetric.Params(0, 0.95, 0), scores);
                assertEquals(s.get("tokens").asLong(), r.tokens(), "scored tokens" + at);
                close(s.get("perplexity").asDouble(), r.value(), "perplexity" + at);
                close(s.get("word_perplexity").asDouble(), r.wordPerplexity(), "word perplexity" + at);
                close(s.get("byte_perplexity").asDouble(), r.bytePerplexity(), "byte perplexity" + at);
                close(s.get("bits_per_byte").asDouble(), r.bitsPerByte(), "bits per byte" + at);
                for (int d = 0; d < docs.size(); d++) {
                    JsonNode pd = s.get("per_document").get(d);
                    assertEquals(pd.get("tokens").asLong(), scores.get(d).tokens(), "tokens of document " + d + at);
                    close(pd.get("nll_nats").asDouble(), scores.get(d).nllNats(), "NLL of document " + d + at);
                }
                if (plan.stride() == plan.contextLength()) {
                    // non-overlapping windows: the recipe's own token count is exact, so its perplexity is ours
                    assertEquals(s.get("hf_modern_n_tokens").asLong(), r.tokens());
                    close(s.get("hf_modern_perplexity").asDouble(), r.value(), "HF recipe perplexity" + at);
                }
            }
        }
    }
}
