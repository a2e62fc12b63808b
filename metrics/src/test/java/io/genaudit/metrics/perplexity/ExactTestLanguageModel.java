package io.genaudit.metrics.perplexity;

import io.genaudit.engine.lm.LanguageModel;
import io.genaudit.engine.lm.SamplingSettings;
import io.genaudit.engine.lm.Tokenizer;

import java.util.ArrayList;
import java.util.List;

/**
 * Base of the test language models whose log-probabilities are known exactly: a tokenizer, a context length and a
 * description; windows are scored target by target from {@link #targetLogProb}. They only score text unless a
 * subclass overrides {@link #generate}.
 */
abstract class ExactTestLanguageModel implements LanguageModel {
    private final Tokenizer tokenizer;
    private final int contextLength;
    private final String description;

    ExactTestLanguageModel(Tokenizer tokenizer, int contextLength, String description) {
        this.tokenizer = tokenizer;
        this.contextLength = contextLength;
        this.description = description;
    }

    /** log p(window[t] | window[0..t)), for t from 1. */
    protected abstract double targetLogProb(int[] window, int t);

    /** Called with each window before it is scored; refuses nothing by default. */
    protected void checkWindow(int[] window) {
    }

    @Override
    public int contextLength() {
        return contextLength;
    }

    @Override
    public int vocabSize() {
        return tokenizer.vocabSize();
    }

    @Override
    public Tokenizer tokenizer() {
        return tokenizer;
    }

    @Override
    public List<float[]> nextTokenLogProbs(List<int[]> windows) {
        List<float[]> out = new ArrayList<>(windows.size());
        for (int[] w : windows) {
            checkWindow(w);
            float[] lp = new float[w.length - 1];
            for (int t = 1; t < w.length; t++) lp[t - 1] = (float) targetLogProb(w, t);
            out.add(lp);
        }
        return out;
    }

    @Override
    public int[] generate(int[] prompt, SamplingSettings settings, long seed) {
        throw new AssertionError("this test model only scores text; the perplexity tests never generate");
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
    }
}
