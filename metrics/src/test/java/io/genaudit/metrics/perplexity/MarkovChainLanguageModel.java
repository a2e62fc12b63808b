package io.genaudit.metrics.perplexity;

import io.genaudit.engine.lm.Tokenizer;

import java.util.SplittableRandom;

/**
 * An exact first-order Markov chain (test only): log p(x_t | x_{t-1}) = log P[x_{t-1}][x_t], and after BOS the
 * initial distribution; {@link #model()} is the chain as a language model (windows up to the context length). Its
 * perplexities are analytic sums of known log-probabilities.
 */
final class MarkovChainLanguageModel {
    private final double[][] transition;
    private final double[] initial;
    private final ExactTestLanguageModel model;

    MarkovChainLanguageModel(double[][] transition, double[] initial, String alphabet, boolean bos, int contextLength) {
        this.transition = transition;
        this.initial = initial;
        this.model = new ExactTestLanguageModel(new CharTokenizer(alphabet, bos), contextLength, "markov chain (test)", contextLength,
                (window, t) -> logProb(window[t - 1], window[t]));
    }

    /** The chain as a language model. */
    ExactTestLanguageModel model() {
        return model;
    }

    Tokenizer tokenizer() {
        return model.tokenizer();
    }

    double logProb(int prev, int next) {
        return prev == tokenizer().bosId() ? Math.log(initial[next]) : Math.log(transition[prev][next]);
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

    /** A sample path of {@code n} tokens starting from the initial distribution, as text. */
    String sample(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] out = new int[n];
        int prev = -1;
        for (int i = 0; i < out.length; i++) {
            double[] dist = prev < 0 || prev == tokenizer().bosId() ? initial : transition[prev];
            double u = r.nextDouble();
            int k = 0;
            double c = dist[0];
            while (u >= c && k < dist.length - 1) c += dist[++k];
            out[i] = k;
            prev = k;
        }
        return tokenizer().decode(out);
    }
}
