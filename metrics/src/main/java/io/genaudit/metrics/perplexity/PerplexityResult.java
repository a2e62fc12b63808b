package io.genaudit.metrics.perplexity;

/**
 * Corpus-level perplexity figures, each a ratio of sums over documents (as lm-evaluation-harness aggregates them):
 * token perplexity exp(NLL/tokens), word perplexity exp(NLL/words), byte perplexity exp(NLL/bytes) and bits per byte
 * NLL/(ln 2 · bytes), with NLL in nats summed over every scored token.
 */
public record PerplexityResult(double tokenPerplexity, double wordPerplexity, double bytePerplexity, double bitsPerByte,
                               double nllNats, long tokens, long bytes, long words, int documents) {
}
