package io.genaudit.audits.modules;

import io.genaudit.engine.lm.ByteTokenizer;
import io.genaudit.engine.lm.LanguageModel;
import io.genaudit.engine.lm.SamplingSettings;
import io.genaudit.engine.lm.Tokenizer;
import io.genaudit.datasets.text.MarkovSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Test model: the fixture's true Markov source as a byte-level language model (exact log-probabilities, sampling at
 * temperature 1), or, with {@code collapsed}, a model that always generates the same text.
 */
final class SourceLanguageModel implements LanguageModel {
    private final MarkovSource source = MarkovSource.standard();
    private final boolean collapsed;

    SourceLanguageModel(boolean collapsed) {
        this.collapsed = collapsed;
    }

    @Override
    public int contextLength() {
        return 64;
    }

    @Override
    public int vocabSize() {
        return 256;
    }

    @Override
    public Tokenizer tokenizer() {
        return ByteTokenizer.INSTANCE;
    }

    private double logProb(byte[] ctx, byte next) {
        return source.logProb(Arrays.copyOfRange(ctx, Math.max(0, ctx.length - source.order()), ctx.length), next);
    }

    @Override
    public List<float[]> nextTokenLogProbs(List<int[]> windows) {
        List<float[]> out = new ArrayList<>();
        for (int[] w : windows) {
            byte[] b = new byte[w.length];
            for (int i = 0; i < w.length; i++) b[i] = (byte) w[i];
            float[] lp = new float[w.length - 1];
            for (int t = 1; t < w.length; t++) lp[t - 1] = (float) logProb(Arrays.copyOf(b, t), b[t]);
            out.add(lp);
        }
        return out;
    }

    @Override
    public int[] generate(int[] prompt, SamplingSettings settings, long seed) {
        SplittableRandom r = new SplittableRandom(collapsed ? 42 : seed);
        byte[] seq = new byte[prompt.length + settings.maxNewTokens()];
        for (int i = 0; i < prompt.length; i++) seq[i] = (byte) prompt[i];
        String alphabet = source.alphabet();
        for (int n = prompt.length; n < seq.length; n++) {
            byte[] ctx = Arrays.copyOf(seq, n);
            double u = r.nextDouble(), acc = 0;
            byte pick = (byte) alphabet.charAt(alphabet.length() - 1);
            for (int c = 0; c < alphabet.length(); c++) {
                acc += Math.exp(logProb(ctx, (byte) alphabet.charAt(c)));
                if (u < acc) {
                    pick = (byte) alphabet.charAt(c);
                    break;
                }
            }
            seq[n] = pick;
        }
        int[] out = new int[settings.maxNewTokens()];
        for (int i = 0; i < out.length; i++) out[i] = seq[prompt.length + i] & 0xff;
        return out;
    }

    @Override
    public String describe() {
        return collapsed ? "collapsed source (test)" : "true Markov source (test)";
    }

    @Override
    public void close() {
    }
}
