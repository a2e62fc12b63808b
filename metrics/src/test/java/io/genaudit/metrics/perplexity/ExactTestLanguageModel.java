package io.genaudit.metrics.perplexity;

import io.genaudit.engine.lm.LanguageModel;
import io.genaudit.engine.lm.SamplingSettings;
import io.genaudit.engine.lm.Tokenizer;

import java.util.ArrayList;
import java.util.List;

/**
 * A test language model whose log-probabilities are known exactly: windows are scored target by target by
 * {@code scorer}. It only scores text (the perplexity tests never generate).
 *
 * @param tokenizer     the tokenizer (its vocabulary is the model's)
 * @param contextLength the context length callers plan windows for
 * @param describe      what the model is, for messages
 * @param maxWindow     the longest window accepted (longer ones are refused, so a test sees a caller overstep)
 * @param scorer        the exact log-probability of each target
 */
record ExactTestLanguageModel(Tokenizer tokenizer, int contextLength, String describe, int maxWindow, Scorer scorer)
        implements LanguageModel {

    /** log p(window[t] | window[0..t)), for t from 1. */
    @FunctionalInterface
    interface Scorer {
        double targetLogProb(int[] window, int t);
    }

    @Override
    public int vocabSize() {
        return tokenizer.vocabSize();
    }

    @Override
    public List<float[]> nextTokenLogProbs(List<int[]> windows) {
        List<float[]> out = new ArrayList<>(windows.size());
        for (int[] w : windows) {
            if (w.length > maxWindow) throw new IllegalArgumentException("window too long: " + w.length);
            float[] lp = new float[w.length - 1];
            for (int t = 1; t < w.length; t++) lp[t - 1] = (float) scorer.targetLogProb(w, t);
            out.add(lp);
        }
        return out;
    }

    @Override
    public int[] generate(int[] prompt, SamplingSettings settings, long seed) {
        throw new AssertionError("this test model only scores text; the perplexity tests never generate");
    }

    @Override
    public void close() {
    }
}
