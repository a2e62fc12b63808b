package io.genaudit.metrics.perplexity;

import io.genaudit.engine.lm.LanguageModel;
import io.genaudit.engine.lm.SamplingSettings;
import io.genaudit.engine.lm.Tokenizer;

import java.util.ArrayList;
import java.util.List;

/**
 * A fake model whose log-probability reveals what it saw: for target t of a window, log p = -(1 + 0.01·contextLen +
 * 0.0001·token), so a test can check every target was scored once and with exactly the expected context.
 */
public final class ContextProbeModel implements LanguageModel {
    private final CharTokenizer tokenizer;
    private final int contextLength;

    public ContextProbeModel(String alphabet, boolean bos, int contextLength) {
        this.tokenizer = new CharTokenizer(alphabet, bos);
        this.contextLength = contextLength;
    }

    public static double logProb(int contextLen, int token) {
        return -(1 + 0.01 * contextLen + 0.0001 * token);
    }

    @Override
    public int contextLength() {
        return contextLength;
    }

    @Override
    public int vocabSize() {
        return tokenizer.vocabSize();
    }

    @Override
    public Tokenizer tokenizer() {
        return tokenizer;
    }

    @Override
    public List<float[]> nextTokenLogProbs(List<int[]> ws) {
        List<float[]> out = new ArrayList<>();
        for (int[] w : ws) {
            float[] lp = new float[w.length - 1];
            for (int t = 1; t < w.length; t++) lp[t - 1] = (float) logProb(t, w[t]);
            out.add(lp);
        }
        return out;
    }

    @Override
    public int[] generate(int[] prompt, SamplingSettings settings, long seed) {
        return new int[settings.maxNewTokens()];
    }

    @Override
    public String describe() {
        return "context probe (test)";
    }

    @Override
    public void close() {
    }
}
