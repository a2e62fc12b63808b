package io.genaudit.metrics.perplexity;

import io.genaudit.engine.lm.SamplingSettings;

/**
 * A fake model whose log-probability reveals what it saw: for target t of a window, log p = -(1 + 0.01·contextLen +
 * 0.0001·token), so a test can check every target was scored once and with exactly the expected context.
 */
public final class ContextProbeModel extends ExactTestLanguageModel {
    public ContextProbeModel(String alphabet, boolean bos, int contextLength) {
        super(new CharTokenizer(alphabet, bos), contextLength, "context probe (test)");
    }

    public static double logProb(int contextLen, int token) {
        return -(1 + 0.01 * contextLen + 0.0001 * token);
    }

    @Override
    protected double targetLogProb(int[] window, int t) {
        return logProb(t, window[t]);
    }

    @Override
    public int[] generate(int[] prompt, SamplingSettings settings, long seed) {
        return new int[settings.maxNewTokens()];
    }
}
