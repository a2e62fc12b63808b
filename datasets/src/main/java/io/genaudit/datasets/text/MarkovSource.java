package io.genaudit.datasets.text;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A stationary order-k Markov chain over a small byte alphabet whose entropy rate is known in closed form, so a
 * language model's perplexity on its samples can be compared with the best achievable one, exp(H).
 * The chain's state is the last {@code order} symbols; documents start from the stationary distribution.
 */
public final class MarkovSource {
    /** The seed of the transition table used by the {@code markov-*} fixtures. */
    public static final long STANDARD_TABLE_SEED = 20240611L;
    /** The alphabet of the {@code markov-*} fixtures: space and 19 lower-case letters (no newline). */
    public static final String STANDARD_ALPHABET = " abcdefghijklmnopqrs";

    private final byte[] alphabet;
    private final int order;
    private final int nStates;
    private final double[][] transition;   // [state][next symbol]
    private final double[] stationary;     // over states
    private final int[] symbolIndex = new int[256];

    /**
     * A chain with an explicit transition table.
     *
     * @param alphabet   the symbols (distinct ASCII bytes)
     * @param order      1 or 2: how many previous symbols the next one depends on
     * @param transition [alphabet^order][alphabet] rows summing to 1; state index = sum of s_i * A^(order-1-i) over
     *                   the context symbols, oldest first
     */
    public MarkovSource(String alphabet, int order, double[][] transition) {
        this.alphabet = alphabet.getBytes(StandardCharsets.US_ASCII);
        if (order < 1 || order > 3) throw new IllegalArgumentException("order must be 1..3, got " + order);
        this.order = order;
        int a = this.alphabet.length;
        int n = 1;
        for (int i = 0; i < order; i++) n *= a;
        this.nStates = n;
        if (transition.length != n) throw new IllegalArgumentException("expected " + n + " rows, got " + transition.length);
        this.transition = new double[n][];
        for (int s = 0; s < n; s++) {
            if (transition[s].length != a) throw new IllegalArgumentException("row " + s + " must have " + a + " entries");
            double sum = 0;
            for (double p : transition[s]) {
                if (p < 0) throw new IllegalArgumentException("negative probability in row " + s);
                sum += p;
            }
            if (Math.abs(sum - 1) > 1e-9) throw new IllegalArgumentException("row " + s + " sums to " + sum);
            this.transition[s] = transition[s].clone();
        }
        Arrays.fill(symbolIndex, -1);
        for (int i = 0; i < a; i++) {
            if (symbolIndex[this.alphabet[i] & 0xff] >= 0) throw new IllegalArgumentException("duplicate symbol in alphabet");
            symbolIndex[this.alphabet[i] & 0xff] = i;
        }
        this.stationary = stationaryDistribution();
    }

    /**
     * A random sparse chain: each state allows {@code support} next symbols (chosen at random) with Dirichlet(alpha)
     * weights, all drawn from {@code tableSeed}.
     */
    public static MarkovSource random(String alphabet, int order, int support, double alpha, long tableSeed) {
        int a = alphabet.length();
        if (support < 1 || support > a) throw new IllegalArgumentException("support must be 1.." + a);
        int n = 1;
        for (int i = 0; i < order; i++) n *= a;
        SplittableRandom rng = new SplittableRandom(tableSeed);
        double[][] t = new double[n][a];
        for (int s = 0; s < n; s++) {
            int[] perm = new int[a];
            for (int i = 0; i < a; i++) perm[i] = i;
            for (int i = a - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int tmp = perm[i]; perm[i] = perm[j]; perm[j] = tmp;
            }
            double sum = 0;
            for (int k = 0; k < support; k++) {
                double g = gamma(rng, alpha);
                t[s][perm[k]] = g;
                sum += g;
            }
            for (int k = 0; k < support; k++) t[s][perm[k]] /= sum;
        }
        return new MarkovSource(alphabet, order, t);
    }

    /**
     * The source behind the {@code markov-train} and {@code markov-heldout} fixtures (fixed; independent of the fixture
     * seed): order 1 over {@link #STANDARD_ALPHABET}, 6 allowed successors per symbol with Dirichlet(1) weights.
     */
    public static MarkovSource standard() {
        return random(STANDARD_ALPHABET, 1, 6, 1.0, STANDARD_TABLE_SEED);
    }

    /** Gamma(alpha, 1) variate (Marsaglia-Tsang; alpha < 1 boosted). */
    private static double gamma(SplittableRandom rng, double alpha) {
        if (alpha < 1) {
            double u = rng.nextDouble();
            return gamma(rng, alpha + 1) * Math.pow(u, 1 / alpha);
        }
        double d = alpha - 1.0 / 3, c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = normal(rng), v = 1 + c * x;
            if (v <= 0) continue;
            v = v * v * v;
            double u = rng.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
        }
    }

    private static double normal(SplittableRandom rng) {
        double u1 = rng.nextDouble(), u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    private double[] stationaryDistribution() {
        int a = alphabet.length;
        double[] pi = new double[nStates];
        Arrays.fill(pi, 1.0 / nStates);
        for (int it = 0; it < 100_000; it++) {
            double[] next = new double[nStates];
            for (int s = 0; s < nStates; s++) {
                if (pi[s] == 0) continue;
                int shifted = (s * a) % nStates;
                for (int c = 0; c < a; c++) {
                    double p = transition[s][c];
                    if (p > 0) next[shifted + c] += pi[s] * p;
                }
            }
            // lazy step (average with the previous iterate) guarantees convergence for periodic chains too
            double diff = 0;
            for (int s = 0; s < nStates; s++) {
                next[s] = 0.5 * (next[s] + pi[s]);
                diff += Math.abs(next[s] - pi[s]);
            }
            pi = next;
            if (diff < 1e-15) break;
        }
        double sum = 0;
        for (double p : pi) sum += p;
        for (int s = 0; s < nStates; s++) pi[s] /= sum;
        return pi;
    }

    /** Entropy rate H = -sum_s pi_s sum_c P(c|s) ln P(c|s), in nats per symbol (byte). */
    public double entropyRateNats() {
        double h = 0;
        for (int s = 0; s < nStates; s++) {
            double row = 0;
            for (double p : transition[s]) if (p > 0) row -= p * Math.log(p);
            h += stationary[s] * row;
        }
        return h;
    }

    /** exp(entropy rate): the per-byte perplexity of a perfect model on long samples. */
    public double perplexityLowerBound() {
        return Math.exp(entropyRateNats());
    }

    public int order() {
        return order;
    }

    public String alphabet() {
        return new String(alphabet, StandardCharsets.US_ASCII);
    }

    /** Stationary probability of state index {@code s} (see the constructor for the indexing). */
    public double stationary(int state) {
        return stationary[state];
    }

    /** P(next symbol index c | state s). */
    public double transition(int state, int c) {
        return transition[state][c];
    }

    /** A sample of {@code length} bytes, started from the stationary distribution. Same seed, same text. */
    public String sample(int length, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        byte[] out = new byte[length];
        int a = alphabet.length;
        int state = draw(stationary, rng.nextDouble());
        // the first `order` symbols are the stationary state itself
        int[] init = decode(state);
        int i = 0;
        for (; i < Math.min(order, length); i++) out[i] = alphabet[init[i]];
        for (; i < length; i++) {
            int c = draw(transition[state], rng.nextDouble());
            out[i] = alphabet[c];
            state = (state * a) % nStates + c;
        }
        return new String(out, StandardCharsets.US_ASCII);
    }

    private static int draw(double[] p, double u) {
        double acc = 0;
        int last = -1;
        for (int i = 0; i < p.length; i++) {
            if (p[i] <= 0) continue;
            acc += p[i];
            last = i;
            if (u < acc) return i;
        }
        return last;
    }

    private int[] decode(int state) {
        int a = alphabet.length;
        int[] s = new int[order];
        for (int i = order - 1; i >= 0; i--) {
            s[i] = state % a;
            state /= a;
        }
        return s;
    }

    /**
     * The exact natural-log probability of byte {@code next} after {@code context} (bytes; only the last
     * {@code order} matter). With fewer than {@code order} context bytes the missing ones are marginalised under the
     * stationary distribution, so a document's first bytes are scored exactly too. Bytes outside the alphabet in the
     * relevant context, or as {@code next}, give negative infinity for next and an IllegalArgumentException for context.
     */
    public double logProb(byte[] context, byte next) {
        int c = symbolIndex[next & 0xff];
        if (c < 0) return Double.NEGATIVE_INFINITY;
        int a = alphabet.length;
        int k = Math.min(order, context.length);
        int[] known = new int[k];
        for (int i = 0; i < k; i++) {
            int idx = symbolIndex[context[context.length - k + i] & 0xff];
            if (idx < 0) throw new IllegalArgumentException("context byte " + (context[context.length - k + i] & 0xff) + " is not in the alphabet");
            known[i] = idx;
        }
        // sum over states whose last k symbols equal `known`: P(next) = sum pi_s P(c|s) / sum pi_s
        int free = order - k;
        int nFree = 1;
        for (int i = 0; i < free; i++) nFree *= a;
        int suffix = 0;
        for (int v : known) suffix = suffix * a + v;
        int suffixSpan = nStates / nFree;
        double num = 0, den = 0;
        for (int prefix = 0; prefix < nFree; prefix++) {
            int s = prefix * suffixSpan + suffix;
            num += stationary[s] * transition[s][c];
            den += stationary[s];
        }
        if (k == 0) {
            // marginal of the first symbol of a stationary state: sum of pi over states with that first symbol
            double p = 0;
            int span = nStates / a;
            for (int s = c * span; s < (c + 1) * span; s++) p += stationary[s];
            return Math.log(p);
        }
        return Math.log(num / den);
    }

    /** Convenience: {@link #logProb(byte[], byte)} for ASCII strings. */
    public double logProb(String context, char next) {
        return logProb(context.getBytes(StandardCharsets.US_ASCII), (byte) next);
    }
}
