package io.genaudit.metrics.perplexity;

/**
 * A fake model whose log-probability reveals what it saw: for target t of a window, log p = -(1 + 0.01·contextLen +
 * 0.0001·token), so a test can check every target was scored once and with exactly the expected context.
 */
final class ContextProbeModel {
    private ContextProbeModel() {
    }

    static ExactTestLanguageModel of(String alphabet, boolean bos, int contextLength) {
        return new ExactTestLanguageModel(new CharTokenizer(alphabet, bos), contextLength, "context probe (test)", Integer.MAX_VALUE,
                (window, t) -> logProb(t, window[t]));
    }

    static double logProb(int contextLen, int token) {
        return -(1 + 0.01 * contextLen + 0.0001 * token);
    }
}
