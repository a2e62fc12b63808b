package io.genaudit.metrics.perplexity;

import io.genaudit.engine.lm.ByteTokenizer;
import io.genaudit.engine.lm.LanguageModel;
import io.genaudit.engine.lm.SamplingSettings;
import io.genaudit.engine.lm.Tokenizer;
import io.genaudit.datasets.text.MarkovSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The fixture's true Markov source as a byte-level {@link LanguageModel} (test only): exact conditional log-probabilities. */
public final class MarkovSourceLanguageModel implements LanguageModel {
    private final MarkovSource source;
    private final int contextLength;

    public MarkovSourceLanguageModel(MarkovSource source, int contextLength) {
        this.source = source;
        this.contextLength = contextLength;
    }

    @Override
    public int contextLength() {
        return contextLength;
    }

    @Override
    public int vocabSize() {
        return 256;
    }

    @Override
    public Tokenizer tokenizer() {
        return ByteTokenizer.INSTANCE;
    }

    @Override
    public List<float[]> nextTokenLogProbs(List<int[]> windows) {
        List<float[]> out = new ArrayList<>(windows.size());
        for (int[] w : windows) {
            byte[] b = new byte[w.length];
            for (int i = 0; i < w.length; i++) b[i] = (byte) w[i];
            float[] lp = new float[w.length - 1];
            for (int t = 1; t < w.length; t++) {
                lp[t - 1] = (float) source.logProb(Arrays.copyOfRange(b, Math.max(0, t - source.order()), t), b[t]);
            }
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
        return "true Markov source (test)";
    }

    @Override
    public void close() {
    }
}
