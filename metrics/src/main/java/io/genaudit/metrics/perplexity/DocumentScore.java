package io.genaudit.metrics.perplexity;

/**
 * One document's rolling log-likelihood: the summed negative log-likelihood (nats) of its scored tokens, how many
 * tokens were scored, and the byte and word counts of its original text (the lm-eval denominators).
 */
public record DocumentScore(double nllNats, long tokens, long bytes, long words) {
    /** exp(NLL / tokens); NaN when no token was scored (a one-token document without BOS). */
    public double tokenPerplexity() {
        return tokens == 0 ? Double.NaN : Math.exp(nllNats / tokens);
    }
}
