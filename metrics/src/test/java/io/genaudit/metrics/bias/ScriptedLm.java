package io.genaudit.metrics.bias;

import io.genaudit.engine.lm.ByteTokenizer;
import io.genaudit.engine.lm.LanguageModel;
import io.genaudit.engine.lm.SamplingSettings;
import io.genaudit.engine.lm.Tokenizer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Test double over the byte tokenizer whose scores are exact by construction: a window's log-probabilities are all 0
 * except the last, which is {@code perToken(text) * (L - 1)}, so a sentence's log-likelihood is exactly
 * perToken(text) * scoredTokens. Generation returns a scripted continuation per prompt.
 */
final class ScriptedLm implements LanguageModel {
    private final ToDoubleFunction<String> perToken;
    private final java.util.function.BiFunction<String, Long, String> continuation;
    int calls;

    ScriptedLm(ToDoubleFunction<String> perToken, java.util.function.BiFunction<String, Long, String> continuation) {
        this.perToken = perToken;
        this.continuation = continuation;
    }

    public int contextLength() {
        return 1024;
    }

    public int vocabSize() {
        return 256;
    }

    public Tokenizer tokenizer() {
        return ByteTokenizer.INSTANCE;
    }

    public List<float[]> nextTokenLogProbs(List<int[]> windows) {
        calls++;
        List<float[]> out = new ArrayList<>();
        for (int[] w : windows) {
            byte[] b = new byte[w.length];
            for (int i = 0; i < w.length; i++) b[i] = (byte) w[i];
            float[] lp = new float[w.length - 1];
            if (lp.length > 0) lp[lp.length - 1] = (float) (perToken.applyAsDouble(new String(b, StandardCharsets.UTF_8)) * lp.length);
            out.add(lp);
        }
        return out;
    }

    public int[] generate(int[] prompt, SamplingSettings settings, long seed) {
        byte[] b = new byte[prompt.length];
        for (int i = 0; i < prompt.length; i++) b[i] = (byte) prompt[i];
        return tokenizer().encode(continuation.apply(new String(b, StandardCharsets.UTF_8), seed));
    }

    public String describe() {
        return "scripted test LM";
    }

    public void close() {
    }
}
