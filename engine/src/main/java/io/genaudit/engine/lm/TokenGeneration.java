package io.genaudit.engine.lm;

import java.util.Arrays;

/**
 * The generation loop shared by every {@link LanguageModel}: feeds the prompt to a {@link TokenDecoder}, picks each
 * next token with a seeded {@link TokenSampler}, and stops after {@code maxNewTokens}, at the end-of-sequence token
 * (which is not returned), or when the decoded continuation ends with a stop string. The window the model reads
 * follows {@link ContextWindow}.
 */
public final class TokenGeneration {
    private TokenGeneration() {
    }

    /**
     * The new tokens after {@code prompt}. {@code eosId} < 0 means the tokenizer has no end-of-sequence token.
     */
    public static int[] run(TokenDecoder decoder, Tokenizer tokenizer, int contextLength, int eosId, int[] prompt,
                            SamplingSettings settings, long seed) {
        if (prompt.length == 0) throw new IllegalArgumentException("generation needs a non-empty prompt (no BOS token)");
        if (settings.maxNewTokens() == 0) return new int[0];
        TokenSampler sampler = new TokenSampler(settings, seed);
        ContextWindow context = new ContextWindow(contextLength);
        int[] seq = Arrays.copyOf(prompt, prompt.length + settings.maxNewTokens());
        int n = prompt.length;
        int start = context.initialStart(n);
        float[] logits = decoder.start(Arrays.copyOfRange(seq, start, n));
        while (true) {
            int token = sampler.next(logits);
            if (token == eosId) break;
            seq[n++] = token;
            if (n - prompt.length == settings.maxNewTokens() || endsWithStop(tokenizer, seq, prompt.length, n, settings)) break;
            int next = context.next(start, n);
            logits = next == start ? decoder.append(token) : decoder.start(Arrays.copyOfRange(seq, next, n));
            start = next;
        }
        return Arrays.copyOfRange(seq, prompt.length, n);
    }

    private static boolean endsWithStop(Tokenizer tokenizer, int[] seq, int from, int to, SamplingSettings settings) {
        if (settings.stop().isEmpty()) return false;
        String text = tokenizer.decode(Arrays.copyOfRange(seq, from, to));
        return settings.stop().stream().anyMatch(text::endsWith);
    }
}
