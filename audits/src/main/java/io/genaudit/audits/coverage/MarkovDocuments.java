package io.genaudit.audits.coverage;

import io.genaudit.values.DocumentScore;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A 4-state Markov source with a known entropy rate, producing documents of uniform random length in
 * [{@code minLength}, {@code maxLength}] that start from the stationary distribution. A model scores each document with
 * its own transition matrix (first token under the stationary distribution), so the expected NLL per token, and with
 * it the target corpus perplexity exp(E[NLL per document] / E[tokens per document]), is known in closed form.
 */
public final class MarkovDocuments {
    static final double[][] SOURCE = {
            {0.70, 0.10, 0.10, 0.10},
            {0.20, 0.50, 0.20, 0.10},
            {0.10, 0.10, 0.20, 0.60},
            {0.30, 0.30, 0.30, 0.10}};
    private final int minLength;
    private final int maxLength;
    private final double[] stationary;

    public MarkovDocuments(int minLength, int maxLength) {
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.stationary = stationary(SOURCE);
    }

    /** A model that mixes the source's transitions with the uniform distribution (weight {@code epsilon}). */
    public static double[][] smoothed(double epsilon) {
        double[][] q = new double[4][4];
        for (int i = 0; i < 4; i++) for (int j = 0; j < 4; j++) q[i][j] = (1 - epsilon) * SOURCE[i][j] + epsilon / 4;
        return q;
    }

    /** Token sequences of {@code documents} documents. */
    public List<int[]> sample(SplittableRandom r, int documents) {
        List<int[]> out = new ArrayList<>(documents);
        for (int d = 0; d < documents; d++) {
            int[] x = new int[minLength + r.nextInt(maxLength - minLength + 1)];
            x[0] = draw(r, stationary);
            for (int t = 1; t < x.length; t++) x[t] = draw(r, SOURCE[x[t - 1]]);
            out.add(x);
        }
        return out;
    }

    /** Per-document scores of {@code docs} under a model with transitions {@code model}. */
    public List<DocumentScore> score(List<int[]> docs, double[][] model) {
        List<DocumentScore> out = new ArrayList<>(docs.size());
        for (int k = 0; k < docs.size(); k++) {
            int[] x = docs.get(k);
            double nll = -Math.log(stationary[x[0]]);
            for (int t = 1; t < x.length; t++) nll -= Math.log(model[x[t - 1]][x[t]]);
            out.add(new DocumentScore(k, null, nll, x.length, x.length, 1));
        }
        return out;
    }

    /** exp(E[NLL per document] / E[tokens per document]) for a model with transitions {@code model}. */
    public double corpusPerplexity(double[][] model) {
        double first = 0;
        double rate = 0;
        for (int i = 0; i < 4; i++) {
            first -= stationary[i] * Math.log(stationary[i]);
            for (int j = 0; j < 4; j++) rate -= stationary[i] * SOURCE[i][j] * Math.log(model[i][j]);
        }
        double meanLength = (minLength + maxLength) / 2.0;
        return Math.exp((first + (meanLength - 1) * rate) / meanLength);
    }

    @Override
    public String toString() {
        return "4-state Markov source, documents of " + minLength + "-" + maxLength + " tokens";
    }

    private static int draw(SplittableRandom r, double[] p) {
        double u = r.nextDouble();
        for (int k = 0; k < p.length - 1; k++) {
            u -= p[k];
            if (u < 0) return k;
        }
        return p.length - 1;
    }

    private static double[] stationary(double[][] p) {
        double[] pi = {0.25, 0.25, 0.25, 0.25};
        for (int it = 0; it < 10_000; it++) {
            double[] next = new double[4];
            for (int i = 0; i < 4; i++) for (int j = 0; j < 4; j++) next[j] += pi[i] * p[i][j];
            pi = next;
        }
        return pi;
    }
}
