package io.genaudit.metrics.perplexity;

import io.genaudit.datasets.text.MarkovSource;
import io.genaudit.engine.lm.ByteTokenizer;

/** The fixture's true Markov source as a byte-level language model (test only): exact conditional log-probabilities. */
final class MarkovSourceLanguageModel {
    private MarkovSourceLanguageModel() {
    }

    static ExactTestLanguageModel of(MarkovSource source, int contextLength) {
        return new ExactTestLanguageModel(ByteTokenizer.INSTANCE, contextLength, "true Markov source (test)", Integer.MAX_VALUE,
                (window, t) -> {
                    int from = Math.max(0, t - source.order());
                    byte[] context = new byte[t - from];
                    for (int i = 0; i < context.length; i++) context[i] = (byte) window[from + i];
                    return source.logProb(context, (byte) window[t]);
                });
    }
}
