package io.genaudit.audits.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code genaudit perplexity --method rolling} on the exported GPT-2 fixture: the context length comes from the
 * config.json beside the file, the prefix token from the tokenizer's special tokens (auto = 50256), and the corpus word
 * perplexity equals the one computed from make_gpt2_fixture.py's per-document PyTorch references.
 */
@Tag("integration")
class Gpt2PerplexityCommandTest extends CommandLineTest {
    Gpt2PerplexityCommandTest() {
        super(false);
    }
    static final Path GPT2 = Path.of("..", "fixtures", "lm-models", "gpt2");


    @Test
    void rollingOnOnnxReproducesLmEvalStyleReference() throws Exception {
        Path out = dir.resolve("p.json");
        assertEquals(0, run("perplexity", "--model", "onnx:" + GPT2.resolve("model.onnx"), "--tokenizer", GPT2.resolve("tokenizer.json").toString(),
                "--text", GPT2.resolve("docs").toString(), "--method", "rolling", "--bootstrap", "0", "--json", out.toString()));
        JsonNode j = json(out);
        JsonNode ref = json(GPT2.resolve("reference.json")).get("documents");
        double nll = 0;
        long words = 0, bytes = 0;
        for (String doc : new String[]{"licence.txt", "notes.txt", "short.txt"}) {
            JsonNode r = ref.get(doc).get("rolling").get("max_length=64,prefix=50256");
            nll += r.get("nll").asDouble();
            words += r.get("words").asLong();
            bytes += r.get("bytes").asLong();
        }
        assertEquals("rolling", j.get("inputs").get("method").asText());
        assertEquals(50256, j.get("inputs").get("prefix_token").asInt());
        assertEquals(64, j.get("inputs").get("max_length").asInt());
        assertEquals(3, j.get("per_document").size());
        assertEquals("licence.txt", j.get("per_document").get(0).get("id").asText());
        assertEquals(Math.exp(nll / words), j.get("word_perplexity").asDouble(), 1e-5 * Math.exp(nll / words));
        assertEquals(nll / bytes / Math.log(2), j.get("bits_per_byte").asDouble(), 1e-5);
    }

    @Test
    void samplePlanRunsBothExportsAndBothMethods() throws Exception {
        Path out = dir.resolve("run");
        assertEquals(0, run("audit", Path.of("..", "fixtures", "plans", "exported-lm.yaml").toString(), "--out", out.toString()));
        JsonNode rec = json(out.resolve("run.json"));
        JsonNode ref = json(GPT2.resolve("reference.json")).get("documents");
        double slidingNll = 0, rollingNll = 0;
        long slidingTokens = 0, rollingWords = 0;
        for (String doc : new String[]{"licence.txt", "notes.txt", "short.txt"}) {
            slidingNll += ref.get(doc).get("sliding").get("max_length=64,stride=32").get("nll").asDouble();
            slidingTokens += ref.get(doc).get("sliding").get("max_length=64,stride=32").get("tokens").asLong();
            rollingNll += ref.get(doc).get("rolling").get("max_length=64,prefix=50256").get("nll").asDouble();
            rollingWords += ref.get(doc).get("rolling").get("max_length=64,prefix=50256").get("words").asLong();
        }
        int seen = 0;
        for (JsonNode a : rec.get("audits")) {
            if (a.get("id").asText().equals("perplexity-sliding")) {
                assertEquals(Math.exp(slidingNll / slidingTokens), a.get("value").asDouble(), 1e-5 * a.get("value").asDouble(), a.get("model").asText());
                assertEquals("sliding", a.get("settings").get("method").asText());
                assertTrue(a.get("settings").get("prefix_token").isNull(), "GPT-2's tokenizer prepends nothing");
                seen++;
            } else if (a.get("id").asText().equals("perplexity-rolling")) {
                double word = a.get("details").get("word_perplexity").asDouble();
                assertEquals(Math.exp(rollingNll / rollingWords), word, 1e-5 * word);
                assertEquals(50256, a.get("settings").get("prefix_token").asInt());
                seen++;
            }
        }
        assertEquals(3, seen, "sliding on ONNX and TorchScript, rolling on ONNX");
    }

    @Test
    void badMethodOrPrefixOrUndrivableModelExitsTwo() {
        String tok = GPT2.resolve("tokenizer.json").toString(), docs = GPT2.resolve("docs").toString(), model = "onnx:" + GPT2.resolve("model.onnx");
        assertEquals(2, run("perplexity", "--model", model, "--tokenizer", tok, "--text", docs, "--method", "strided"));
        assertEquals(2, run("perplexity", "--model", model, "--tokenizer", tok, "--text", docs, "--prefix-token", "eos"));
        assertEquals(2, run("perplexity", "--model", model, "--tokenizer", tok, "--text", docs, "--prefix-token", "99999"));
        assertEquals(2, run("perplexity", "--model", model, "--tokenizer", tok, "--text", docs, "--method", "rolling", "--stride", "8"));
        assertEquals(2, run("perplexity", "--model", "onnx:" + GPT2.resolve("../unfeedable-input.onnx"), "--context-length", "64", "--text", docs));
        assertEquals(2, run("perplexity", "--model", "onnx:" + GPT2.resolve("../tiny-lm.onnx"), "--text", docs)); // no context length anywhere
    }
}
