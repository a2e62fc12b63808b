package io.genaudit.metrics.perplexity;

import org.junit.jupiter.api.Tag;
import io.genaudit.values.DocumentScore;
import io.genaudit.metrics.contract.MetricRun;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genaudit.engine.Progress;
import io.genaudit.engine.lm.ExportedLanguageModel;
import io.genaudit.engine.lm.HuggingFaceTokenizer;
import io.genaudit.engine.lm.onnx.OnnxLanguageModel;
import io.genaudit.engine.lm.TorchScriptLanguageModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The GPT-2-architecture fixture (real GPT-2 BPE vocabulary) exported as ONNX without and with past and as
 * TorchScript, scored through genaudit against the numbers fixtures/lm-models/gpt2/make_gpt2_fixture.py computed in
 * PyTorch: the Hugging Face sliding-window recipe (window 64, stride 64 and 32) and lm-eval's rolling loglikelihood
 * (prefix token auto = GPT-2's BOS/EOS 50256), per document and for the corpus, in padded batches of windows.
 */
@Tag("integration")
class Gpt2PerplexityReferenceTest {
    static final Path GPT2 = Path.of("..", "fixtures", "lm-models", "gpt2");

    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-5 * Math.abs(expected), what);
    }

    private static ExportedLanguageModel open(String file) {
        HuggingFaceTokenizer tok = HuggingFaceTokenizer.load(GPT2.resolve("tokenizer.json"));
        return file.endsWith(".pt") ? new TorchScriptLanguageModel(GPT2.resolve(file), tok, 64) : new OnnxLanguageModel(GPT2.resolve(file), tok, 64);
    }

    @ParameterizedTest
    @ValueSource(strings = {"model.onnx", "decoder_with_past_model.onnx", "model.pt"})
    void slidingAndRollingMatchPyTorch(String file) throws Exception {
        JsonNode ref = new ObjectMapper().readTree(GPT2.resolve("reference.json").toFile());
        List<String> names = new ArrayList<>();
        List<String> docs = new ArrayList<>();
        ref.get("documents").fieldNames().forEachRemaining(names::add);
        for (String n : names) docs.add(Files.readString(GPT2.resolve("docs").resolve(n), StandardCharsets.UTF_8));
        try (ExportedLanguageModel lm = open(file)) {
            assertEquals(50257, lm.vocabSize());
            for (int d = 0; d < docs.size(); d++) {
                JsonNode ids = ref.get("documents").get(names.get(d)).get("token_ids");
                int[] expected = new int[ids.size()];
                for (int i = 0; i < expected.length; i++) expected[i] = ids.get(i).asInt();
                assertArrayEquals(expected, lm.tokenizer().encode(docs.get(d)), "GPT-2 BPE ids of " + names.get(d));
            }
            List<Case> cases = List.of(new Case("sliding", "max_length=64,stride=64", new SlidingWindowPlan(64, 64)),
                    new Case("sliding", "max_length=64,stride=32", new SlidingWindowPlan(64, 32)),
                    new Case("rolling", "max_length=64,prefix=50256", new RollingWindowPlan(64)));
            for (Case c : cases) {
                // batch 3: windows of different documents and lengths share a right-padded batch
                List<DocumentScore> scores = new RollingLogLikelihood(lm, c.plan(), 3).score(docs, Progress.SILENT);
                double nll = 0;
                long tokens = 0, bytes = 0, words = 0;
                for (int d = 0; d < docs.size(); d++) {
                    JsonNode r = ref.get("documents").get(names.get(d)).get(c.method()).get(c.key());
                    String at = file + " " + c.method() + " " + c.key() + " " + names.get(d);
                    DocumentScore s = scores.get(d);
                    assertEquals(r.get("tokens").asLong(), s.tokens(), "scored tokens " + at);
                    assertEquals(r.get("words").asLong(), s.words(), "words " + at);
                    assertEquals(r.get("bytes").asLong(), s.bytes(), "bytes " + at);
                    close(r.get("nll").asDouble(), s.nllNats(), "NLL " + at);
                    close(r.get("token_perplexity").asDouble(), s.tokenPerplexity(), "perplexity " + at);
                    nll += r.get("nll").asDouble();
                    tokens += r.get("tokens").asLong();
                    bytes += r.get("bytes").asLong();
                    words += r.get("words").asLong();
                }
                PerplexityMetric.Result all = MetricRun.once(new PerplexityMetric(), new PerplexityMetric.Params(0, 0.95, 0), scores);
                String at = file + " " + c.method() + " " + c.key();
                close(Math.exp(nll / words), all.wordPerplexity(), "word perplexity " + at);
                close(Math.exp(nll / bytes), all.bytePerplexity(), "byte perplexity " + at);
                close(nll / bytes / Math.log(2), all.bitsPerByte(), "bits per byte " + at);
                close(Math.exp(nll / tokens), all.value(), "token perplexity " + at);
            }
        }
    }

    private record Case(String method, String key, WindowPlan plan) {
    }
}
