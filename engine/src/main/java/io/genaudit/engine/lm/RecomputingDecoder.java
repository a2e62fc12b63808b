package io.genaudit.engine.lm;

import java.util.Arrays;

/**
 * The uncached {@link TokenDecoder}: every call runs the model on the whole window and keeps the last row of logits.
 * Cost per token grows with the window; it is the reference the cached decoders are checked against.
 */
final class RecomputingDecoder implements TokenDecoder {
    private final AbstractLanguageModel model;
    private long[] window = new long[0];

    RecomputingDecoder(AbstractLanguageModel model) {
        this.model = model;
    }

    @Override
    public float[] start(int[] tokens) {
        window = new long[tokens.length];
        for (int i = 0; i < tokens.length; i++) window[i] = tokens[i];
        return lastLogits();
    }

    @Override
    public float[] append(int token) {
        window = Arrays.copyOf(window, window.length + 1);
        window[window.length - 1] = token;
        return lastLogits();
    }

    private float[] lastLogits() {
        int v = model.vocabSize(), len = window.length;
        float[] logits = model.logits(window, 1, len);
        return Arrays.copyOfRange(logits, (len - 1) * v, len * v);
    }

    @Override
    public void close() {
        window = new long[0];
    }
}
