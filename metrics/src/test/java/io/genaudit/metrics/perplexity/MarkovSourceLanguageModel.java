package io.genaudit.metrics.perplexity;

import io.genaudit.engine.lm.ByteTokenizer;
import io.genaudit.engine.lm.LanguageModel;
import io.genaudit.datasets.text.MarkovSource;

/** The fixture's true Markov source as a byte-level {@link LanguageModel} (test only): exact conditional log-probabilities. */
public final class MarkovSourceLanguageModel extends ExactTestLanguageModel {
    private final MarkovSource source;

    public MarkovSourceLanguageModel(MarkovSource source, int contextLength) {
        super(ByteTokenizer.INSTANCE, contextLength, "true Markov source (test)");
        this.source = source;
    }

    @Override
    protected double targetLogProb(int[] window, int t) {
        int from = Math.max(0, t - source.order());
        byte[] context = new byte[t - from];
        for (int i = 0; i < context.length; i++) context[i] = (byte) window[from + i];
        return source.logProb(context, (byte) window[t]);
    }
}
