package io.genaudit.engine.lm;

/**
 * Which tail of a growing sequence the model reads when generation outgrows the context length. The window starts as
 * the last {@code contextLength} tokens of the prompt; when a new token would push it past the context length it
 * shifts to the last {@code contextLength / 2} tokens (re-read from position 0) and grows again from there, as
 * llama.cpp's context shift does. The cached and the uncached decoders follow the same rule, so they stay
 * token-identical past the context length too; a cache is re-filled once per {@code contextLength / 2} tokens instead
 * of re-running a full window for every token.
 */
public record ContextWindow(int contextLength) {
    public ContextWindow {
        if (contextLength < 1) throw new IllegalArgumentException("context length must be >= 1, got " + contextLength);
    }

    /** Tokens kept after a shift. */
    public int keep() {
        return Math.max(1, contextLength / 2);
    }

    /** Start of the first window over a prompt of {@code n} tokens. */
    public int initialStart(int n) {
        return Math.max(0, n - contextLength);
    }

    /** Start of the window after the sequence reached {@code n} tokens, given the current {@code start}. */
    public int next(int start, int n) {
        return n - start > contextLength ? n - keep() : start;
    }
}
