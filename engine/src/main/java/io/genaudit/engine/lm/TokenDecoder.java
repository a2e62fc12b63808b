package io.genaudit.engine.lm;

/**
 * Next-token logits for one sequence as it grows, one call per new token. Implementations with a key/value cache
 * process only the appended token; {@link RecomputingDecoder} re-runs the whole window. Both must give the same
 * logits (up to float rounding), so generation picks the same tokens either way.
 */
public interface TokenDecoder extends AutoCloseable {
    /**
     * Forgets any earlier state, reads {@code window} (its first token at position 0, at most the context length) and
     * returns the logits (length = vocabulary size) for the token after it.
     */
    float[] start(int[] window);

    /** Appends {@code token} at the next position and returns the logits for the token after it. */
    float[] append(int token);

    /** Frees the cache. */
    @Override
    void close();
}
