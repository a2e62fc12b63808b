package io.genaudit.engine.lm.onnx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genaudit.engine.InputException;
import io.genaudit.engine.ModelContractException;
import io.genaudit.engine.lm.ByteTokenizer;
import io.genaudit.engine.lm.SamplingSettings;
import io.genaudit.engine.lm.TokenDecoder;
import io.genaudit.engine.lm.TokenGeneration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Generation through the GPT-2-architecture ONNX exports in fixtures/lm-models/gpt2 (made by make_gpt2_fixture.py):
 * the with-past export fed one token at a time with its presents equals re-running the window, the no-past export,
 * and PyTorch's greedy continuations in reference.json, token for token.
 */
class OnnxGenerationTest {
    static final Path GPT2 = Path.of("..", "fixtures", "lm-models", "gpt2");
    static final int CONTEXT = 64, EOS = 50256;
    static OnnxGenerationSession withPast, noPast;
    static JsonNode reference;

    @BeforeAll
    static void open() throws Exception {
        withPast = OnnxGenerationSession.open(GPT2.resolve("decoder_with_past_model.onnx"));
        noPast = OnnxGenerationSession.open(GPT2.resolve("model.onnx"));
        reference = new ObjectMapper().readTree(GPT2.resolve("reference.json").toFile());
    }

    @AfterAll
    static void close() {
        withPast.close();
        noPast.close();
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) out[i] = array.get(i).asInt();
        return out;
    }

    private static int[] generate(OnnxGenerationSession s, boolean cached, int[] prompt, SamplingSettings settings, long seed) {
        try (TokenDecoder d = s.newDecoder(cached)) {
            return TokenGeneration.run(d, ByteTokenizer.INSTANCE, CONTEXT, EOS, prompt, settings, seed);
        }
    }

    @Test
    void signatureFollowsOptimumNaming() {
        OnnxDecoderSignature sig = withPast.signature();
        assertTrue(sig.hasPast());
        assertEquals(2, sig.layers().size());
        assertEquals(new PastLayer(1, "past_key_values.1.key", "past_key_values.1.value", "present.1.key", "present.1.value", 2, 8), sig.layers().get(1));
        assertTrue(sig.attentionMask() && sig.positionIds() && !sig.tokenTypeIds() && !sig.useCacheBranch());
        assertEquals("logits", sig.logits());
        assertFalse(noPast.signature().hasPast());
        assertFalse(noPast.signature().positionIds());
    }

    @Test
    void greedyEqualsPyTorchWithAndWithoutCache() {
        assertEquals(24, reference.at("/greedy/max_new_tokens").asInt());
        for (JsonNode g : reference.at("/greedy/generations")) {
            int[] prompt = ints(g.get("prompt_ids")), expected = ints(g.get("greedy_ids"));
            SamplingSettings greedy = SamplingSettings.greedy(expected.length);
            assertArrayEquals(expected, generate(withPast, true, prompt, greedy, 0), g.get("prompt").asText() + " cached");
            assertArrayEquals(expected, generate(withPast, false, prompt, greedy, 0), g.get("prompt").asText() + " uncached, empty past");
            assertArrayEquals(expected, generate(noPast, true, prompt, greedy, 0), g.get("prompt").asText() + " no-past export");
        }
    }

    @Test
    void cachedLogitsEqualFullWindowLogits() {
        int[] seq = ints(reference.at("/documents/licence.txt/token_ids"));
        try (TokenDecoder cached = withPast.newDecoder(true); TokenDecoder full = noPast.newDecoder(false)) {
            float[] c = cached.start(Arrays.copyOf(seq, 3));
            for (int n = 3; n < 40; n++) {
                float[] f = full.start(Arrays.copyOf(seq, n));
                double maxDiff = 0;
                for (int v = 0; v < f.length; v++) maxDiff = Math.max(maxDiff, Math.abs(f[v] - c[v]));
                assertTrue(maxDiff < 1e-4, "position " + n + ": max |cached - full| " + maxDiff);
                c = cached.append(seq[n]);
            }
        }
    }

    @Tag("integration")
    @Test
    void pastTheContextAndSampledTheSameWithAndWithoutCache() {
        int[] prompt = ints(reference.at("/greedy/generations/0/prompt_ids"));
        SamplingSettings sampled = new SamplingSettings(30, 0.9, 50, 0.95, List.of());
        int[] a = generate(withPast, true, prompt, sampled, 11);
        assertEquals(30, a.length);
        assertArrayEquals(a, generate(withPast, false, prompt, sampled, 11));
        assertArrayEquals(a, generate(withPast, true, prompt, sampled, 11));
        assertFalse(Arrays.equals(a, generate(withPast, true, prompt, sampled, 12)));
        // 4 prompt tokens + 70 new ones outgrow the context of 64: the window shifts (ContextWindow) on both paths
        SamplingSettings greedy = SamplingSettings.greedy(70);
        assertArrayEquals(generate(noPast, false, prompt, greedy, 0), generate(withPast, true, prompt, greedy, 0));
    }

    @Test
    void stopsAtEndOfText() {
        // force EOS: its logit made largest by a decoder wrapper after 5 tokens
        int[] prompt = ints(reference.at("/greedy/generations/0/prompt_ids"));
        List<Integer> fed = new ArrayList<>();
        try (TokenDecoder inner = withPast.newDecoder(true)) {
            TokenDecoder eosAfter5 = new TokenDecoder() {
                float[] bias(float[] l) {
                    if (fed.size() >= 5) l[EOS] = 1e9f;
                    return l;
                }

                public float[] start(int[] w) {
                    return bias(inner.start(w));
                }

                public float[] append(int t) {
                    fed.add(t);
                    return bias(inner.append(t));
                }

                public void close() {
                }
            };
            int[] out = TokenGeneration.run(eosAfter5, ByteTokenizer.INSTANCE, CONTEXT, EOS, prompt, SamplingSettings.greedy(24), 0);
            assertArrayEquals(Arrays.copyOf(ints(reference.at("/greedy/generations/0/greedy_ids")), 5), out);
        }
    }

    @Test
    void exportsGenauditCannotDriveAreRefusedWithTheirDeclaredNames() {
        Path models = GPT2.getParent();
        ModelContractException extra = assertThrows(ModelContractException.class, () -> OnnxGenerationSession.open(models.resolve("bad-extra-input.onnx")));
        assertTrue(extra.getMessage().contains("not 'pixel_values'") && extra.getMessage().contains("inputs [") && extra.getMessage().contains("input_ids"), extra.getMessage());
        ModelContractException noPresent = assertThrows(ModelContractException.class, () -> OnnxGenerationSession.open(models.resolve("bad-past-no-present.onnx")));
        assertTrue(noPresent.getMessage().contains("present.N.key/value") && noPresent.getMessage().contains("layer 0 incomplete"), noPresent.getMessage());
        InputException notOnnx = assertThrows(InputException.class, () -> OnnxGenerationSession.open(GPT2.resolve("model.pt")));
        assertTrue(notOnnx.getMessage().contains("ONNX Runtime cannot load the model: ") && notOnnx.getMessage().length() > 60, notOnnx.getMessage());
    }
}
