package io.genaudit.engine.lm;

import io.genaudit.engine.lm.onnx.OnnxLanguageModel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The GPT-2-architecture fixture (fixtures/lm-models/gpt2, real GPT-2 BPE) in its three Hugging Face-style exports:
 * what genaudit reads from each declaration, padded batches (left and right) against windows one by one, greedy
 * continuations against PyTorch's, and the GPT-2 tokenizer's special tokens.
 */
@Tag("integration")
class Gpt2ExportTest {
    static final Path GPT2 = TokenizerTest.MODELS.resolve("gpt2");

    private static final Map<String, ExportedLanguageModel> OPEN = new HashMap<>();

    /** Each export is loaded once for the class (the tests only read from them). */
    static synchronized ExportedLanguageModel open(String file) {
        return OPEN.computeIfAbsent(file, f -> {
            HuggingFaceTokenizer tok = HuggingFaceTokenizer.load(GPT2.resolve("tokenizer.json"));
            return f.endsWith(".pt") ? new TorchScriptLanguageModel(GPT2.resolve(f), tok, 64) : new OnnxLanguageModel(GPT2.resolve(f), tok, 64);
        });
    }

    @AfterAll
    static void closeModels() {
        OPEN.values().forEach(ExportedLanguageModel::close);
        OPEN.clear();
    }

    @Test
    void gpt2TokenizerDeclaresEndOfTextAsBosAndEosButPrependsNothing() throws Exception {
        try (HuggingFaceTokenizer tok = HuggingFaceTokenizer.load(GPT2.resolve("tokenizer.json"))) {
            assertEquals(50257, tok.vocabSize());
            assertEquals(50256, tok.declaredBosId());
            assertEquals(50256, tok.eosId());
            assertEquals(-1, tok.bosId(), "GPT-2's post-processor adds no BOS");
            String notes = Files.readString(GPT2.resolve("docs/notes.txt"));
            assertEquals(notes, tok.decode(tok.encode(notes)));
            assertArrayEquals(new int[]{464, 2068, 7586, 21831}, tok.encode("The quick brown fox"));
        }
    }

    @Test
    void declaredInputsGetHuggingFaceRoles() {
        ExportedLanguageModel plain = open("model.onnx"), past = open("decoder_with_past_model.onnx"), ts = open("model.pt");
        assertEquals(List.of(LmInputs.Role.INPUT_IDS, LmInputs.Role.ATTENTION_MASK), plain.inputs().roles());
        assertEquals(List.of(LmInputs.Role.INPUT_IDS, LmInputs.Role.PAST_KEY, LmInputs.Role.PAST_VALUE, LmInputs.Role.PAST_KEY,
                LmInputs.Role.PAST_VALUE, LmInputs.Role.ATTENTION_MASK, LmInputs.Role.POSITION_IDS), past.inputs().roles());
        assertEquals("logits", past.inputs().logits());
        assertEquals(List.of("batch_size", "2", "past_sequence_length", "8"), past.inputs().signature().input("past_key_values.1.value").orElseThrow().dims());
        assertEquals(List.of(LmInputs.Role.INPUT_IDS, LmInputs.Role.ATTENTION_MASK), ts.inputs().roles());
        assertTrue(ts.inputs().signature().outputs().get(0).dtype().startsWith("Tuple[Tensor, Tuple["), ts.inputs().signature().describe());
    }

    private static void assertRowsEqualAlone(ExportedLanguageModel lm, List<int[]> rows, TokenBatch.Padding padding) {
        TokenBatch b = TokenBatch.of(rows, padding, 0);
        float[] batched = lm.logits(b);
        int v = lm.vocabSize();
        for (int r = 0; r < rows.size(); r++) {
            float[] alone = lm.logits(TokenBatch.of(List.of(rows.get(r)), padding, 0));
            for (int t = 0; t < rows.get(r).length; t++) {
                for (int k = 0; k < v; k += 97) {
                    assertEquals(alone[t * v + k], batched[(r * b.length() + b.offsets()[r] + t) * v + k], 1e-5f,
                            padding + " row " + r + " position " + t + " logit " + k);
                }
            }
        }
    }

    private static final List<int[]> ROWS = List.of(new int[]{464, 2068, 7586, 21831, 18045, 625, 262, 16931, 3290},
            new int[]{5990, 3411, 318, 7520, 284}, new int[]{1639});

    @ParameterizedTest
    @ValueSource(strings = {"model.onnx", "decoder_with_past_model.onnx", "model.pt"})
    void rightPaddedBatchScoresLikeOneByOne(String file) {
        assertRowsEqualAlone(open(file), ROWS, TokenBatch.Padding.RIGHT);
    }

    @Test
    void leftPaddingNeedsPositionIds() {
        ExportedLanguageModel past = open("decoder_with_past_model.onnx"), plain = open("model.onnx");
        assertRowsEqualAlone(past, ROWS, TokenBatch.Padding.LEFT);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> plain.logits(TokenBatch.of(ROWS, TokenBatch.Padding.LEFT, 0)));
        assertTrue(e.getMessage().contains("takes no position_ids"), e.getMessage());
        try (ExportedLanguageModel ts = new TorchScriptLanguageModel(TokenizerTest.MODELS.resolve("position-ids.pt"), ByteTokenizer.INSTANCE, 64)) {
            assertEquals(List.of(LmInputs.Role.INPUT_IDS, LmInputs.Role.ATTENTION_MASK, LmInputs.Role.POSITION_IDS), ts.inputs().roles());
            assertRowsEqualAlone(ts, List.of(new int[]{1, 2, 3, 4, 5, 6}, new int[]{7, 8}), TokenBatch.Padding.LEFT);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"model.onnx", "decoder_with_past_model.onnx", "model.pt"})
    void greedyContinuationsMatchPyTorch(String file) throws Exception {
        JsonNode ref = new ObjectMapper().readTree(GPT2.resolve("reference.json").toFile()).get("greedy");
        ExportedLanguageModel lm = open(file);
        for (JsonNode g : ref.get("generations")) {
            int[] prompt = lm.tokenizer().encode(g.get("prompt").asText());
            int[] expected = new int[g.get("greedy_ids").size()];
            for (int i = 0; i < expected.length; i++) expected[i] = g.get("greedy_ids").get(i).asInt();
            assertArrayEquals(expected, lm.generate(prompt, SamplingSettings.greedy(ref.get("max_new_tokens").asInt()), 0), file + " " + g.get("prompt"));
        }
    }
}
