package io.genaudit.engine.lm;

import io.genaudit.engine.lm.onnx.OnnxLanguageModel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genaudit.engine.InputException;
import io.genaudit.engine.ModelContractException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.*;

/** Loads the fixture models made by fixtures/lm-models/make_lm_models.py and compares with torch's own log-probs. */
class ExportedLanguageModelTest {
    static final Path MODELS = TokenizerTest.MODELS;

    private static void matchesReference(LanguageModel lm) throws Exception {
        JsonNode ref = new ObjectMapper().readTree(MODELS.resolve("tiny-lm-reference.json").toFile());
        List<int[]> windows = new ArrayList<>();
        for (JsonNode w : ref.get("windows")) {
            int[] ids = new int[w.size()];
            for (int i = 0; i < ids.length; i++) ids[i] = w.get(i).asInt();
            windows.add(ids);
        }
        List<float[]> lp = lm.nextTokenLogProbs(windows); // batched with padding: windows differ in length
        for (int k = 0; k < windows.size(); k++) {
            JsonNode expected = ref.get("logprobs").get(k);
            assertEquals(expected.size(), lp.get(k).length);
            for (int t = 0; t < expected.size(); t++) assertEquals(expected.get(t).asDouble(), lp.get(k)[t], 2e-4, "window " + k + " t " + t);
        }
        int[] prompt = ByteTokenizer.INSTANCE.encode("hello");
        int[] greedy = lm.generate(prompt, SamplingSettings.greedy(10), 0);
        int[] expectedGreedy = new int[10];
        for (int i = 0; i < 10; i++) expectedGreedy[i] = ref.get("greedy_10").get(i).asInt();
        assertArrayEquals(expectedGreedy, greedy);
        SamplingSettings hot = new SamplingSettings(20, 1.0, 40, 0.95, List.of());
        assertArrayEquals(lm.generate(prompt, hot, 5), lm.generate(prompt, hot, 5));
        assertEquals(256, lm.vocabSize());
    }

    @Test
    void torchScriptMatchesTorch() throws Exception {
        try (LanguageModel lm = new TorchScriptLanguageModel(MODELS.resolve("tiny-lm.pt"), ByteTokenizer.INSTANCE, 64)) {
            matchesReference(lm);
            assertTrue(lm.describe().contains("TorchScript"));
        }
    }

    @Test
    void onnxMatchesTorch() throws Exception {
        try (LanguageModel lm = new OnnxLanguageModel(MODELS.resolve("tiny-lm.onnx"), ByteTokenizer.INSTANCE, 64)) {
            matchesReference(lm);
        }
    }

    private static String violation(Function<Path, LanguageModel> load, String file) {
        ModelContractException e = assertThrows(ModelContractException.class, () -> load.apply(MODELS.resolve(file)).close());
        assertTrue(e.getMessage().contains(file), e.getMessage());
        return e.getMessage();
    }

    @Test
    void contractViolationsSayExpectedAndFound() {
        Function<Path, LanguageModel> ts = p -> new TorchScriptLanguageModel(p, ByteTokenizer.INSTANCE, 64);
        assertTrue(violation(ts, "bad-rank.pt").contains("expected logits of rank 3 [B, T, V] for input [2, 8], found rank 2 (2, 256)"));
        assertTrue(violation(ts, "bad-vocab.pt").contains("expected V >= 256 (the vocabulary of tokenizer bytes), found V = 100"));
        assertTrue(violation(ts, "bad-dtype.pt").contains("expected float32 logits, found float64 logits"));
        assertTrue(violation(ts, "bad-length.pt").contains("expected logits [2, 8, V] for input [2, 8], found shape (2, 7, 256)"));
        Function<Path, LanguageModel> ox = p -> new OnnxLanguageModel(p, ByteTokenizer.INSTANCE, 64);
        assertTrue(violation(ox, "bad-rank.onnx").contains("found rank 2"));
    }

    @Test
    void missingOrForeignFilesAreInputErrors() {
        InputException missing = assertThrows(InputException.class,
                () -> new OnnxLanguageModel(MODELS.resolve("nope.onnx"), ByteTokenizer.INSTANCE, 64));
        assertTrue(missing.getMessage().contains("nope.onnx"));
        InputException foreign = assertThrows(InputException.class,
                () -> new TorchScriptLanguageModel(MODELS.resolve("tokenizer.json"), ByteTokenizer.INSTANCE, 64));
        assertTrue(foreign.getMessage().contains("tokenizer.json"), foreign.getMessage());
    }
}
