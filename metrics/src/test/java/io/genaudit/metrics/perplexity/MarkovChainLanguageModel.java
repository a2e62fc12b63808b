package io.genaudit.metrics.perplexity;

import io.genaudit.engine.lm.LanguageModel;
import io.genaudit.engine.lm.SamplingSettings;
import io.genaudit.engine.lm.Tokenizer;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * An exact first-order Markov chain as a {@link LanguageModel} (test only): log p(x_t | x_{t-1}) = log P[x_{t-1}][x_t],
 * and after BOS the initial distribution. Its perplexities are analytic sums of known log-probabilities.
 */
public final class MarkovChainLanguageModel implements LanguageModel {
    private final double[][] transition;
    private final double[] initial;
    private final CharTokenizer tokenizer;
    private final int contextLength;

    public MarkovChainLanguageModel(double[][] transition, double[] initial, String alphabet, boolean bos, int contextLength) {
        this.transition = transition;
        this.initial = initial;
        this.tokenizer = new CharTokenizer(alphabet, bos);
        this.contextLength = contextLength;
    }

    public double logProb(int prev, int next) {
        return prev == tokenizer.bosId() ? Math.log(initial[next]) : Math.log(transition[prev][next]);
    }

    /** Stationary distribution by power iteration. */
    public double[] stationary() {
        int v = transition.length;
        double[] pi = new double[v];
        java.util.Arrays.fill(pi, 1.0 / v);
        for (int it = 0; it < 10_000; it++) {
            double[] nx = new double[v];
            for (int i = 0; i < v; i++) for (int j = 0; j < v; j++) nx[j] += pi[i] * transition[i][j];
            pi = nx;
        }
        return pi;
    }

    /** Entropy rate in nats: -Σ_i π_i Σ_j P_ij log P_ij. */
    public double entropyRate() {
        double[] pi = stationary();
        double h = 0;
        for (int i = 0; i < pi.length; i++) for (double p : transition[i]) if (p > 0) h -= pi[i] * p * Math.log(p);
        return h;
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
    public List<float[]> nextTokenLogProbs(List<int[]> ws) {
        List<float[]> out = new ArrayList<>();
        for (int[] w : ws) {
            if (w.length > contextLength) throw new IllegalArgumentException("window too long: " + w.length);
            float[] lp = new float[w.length - 1];
            for (int t = 1; t < w.length; t++) lp[t - 1] = (float) logProb(w[t - 1], w[t]);
            out.add(lp);
        }
        return out;
    }

    @Override
    public int[] generate(int[] prompt, SamplingSettings settings, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] out = new int[settings.maxNewTokens()];
        int prev = prompt.length == 0 ? -1 : prompt[prompt.length - 1];
        for (int i = 0; i < out.length; i++) {
            double[] dist = prev < 0 || prev == tokenizer.bosId() ? initial : transition[prev];
            double u = r.nextDouble();
            int k = 0;
            double c = dist[0];
            while (u >= c && k < dist.length - 1) c += dist[++k];
            out[i] = k;
            prev = k;
        }
        return out;
    }

    /** A sample path of {@code n} tokens starting from the initial distribution, as text. */
    public String sample(int n, long seed) {
        return tokenizer.decode(generate(new int[0], SamplingSettings.greedy(n), seed));
    }

    @Override
    public String describe() {
        return "markov chain (test)";
    }

    @Override
    public void close() {
    }
}
