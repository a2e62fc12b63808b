package io.genaudit.metrics.diversity;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Self-BLEU the Texygen way (Zhu et al. 2018, parallel variant): each text is the hypothesis and all the other texts
 * are its references; the score is the mean sentence BLEU. BLEU-n follows NLTK's {@code sentence_bleu}: uniform
 * weights 1/n over clipped n-gram precisions 1..n, {@code SmoothingFunction().method1} (epsilon 0.1 added to zero
 * numerators), BLEU 0 when no unigram matches, and the brevity penalty against the closest reference length (ties to
 * the shorter). Uses {@link TopTwoCounts}, so it is linear in the corpus size rather than quadratic; hypotheses are
 * scored in parallel into fixed slots, so the result does not depend on the thread schedule. {@link #within} scores a
 * subset of the indexed texts against each other (a bootstrap resample's distinct texts).
 */
public final class SelfBleu {
    static final double EPSILON = 0.1;

    private final NgramIndex index;
    private final int[] texts;
    private final TopTwoCounts references;
    private final ReferenceLengths refLengths;

    /** Self-BLEU of all indexed texts. */
    public SelfBleu(NgramIndex index) {
        this(index, IntStream.range(0, index.texts()).toArray());
    }

    private SelfBleu(NgramIndex index, int[] texts) {
        if (texts.length < 2) throw new IllegalArgumentException("self-BLEU needs at least 2 texts, got " + texts.length);
        this.index = index;
        this.texts = texts;
        this.references = new TopTwoCounts(index, texts, index.maxN());
        int[] lens = new int[texts.length];
        for (int i = 0; i < lens.length; i++) lens[i] = index.length(texts[i]);
        this.refLengths = new ReferenceLengths(lens);
    }

    /** Self-BLEU within {@code texts} (distinct indices into {@code index}): each of them against the others of the set only. */
    public static SelfBleu within(NgramIndex index, int[] texts) {
        return new SelfBleu(index, texts.clone());
    }

    /** Sentence BLEU-n of every text of the set against all the others, in the order of the set. */
    public double[] perText(int n) {
        checkOrder(n);
        return IntStream.range(0, texts.length).parallel().mapToDouble(j -> sentenceBleu(texts[j], n)).toArray();
    }

    /** Mean sentence BLEU-n (Texygen's self-BLEU-n). */
    public double mean(int n) {
        double[] v = perText(n);
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    /** The texts of the set (indices into the index). */
    public int[] texts() {
        return texts.clone();
    }

    double sentenceBleu(int i, int n) {
        return sentenceBleus(i, n)[n - 1];
    }

    /**
     * Sentence BLEU-1..maxN of text {@code i} (a member of the set) against the other texts of the set, from one pass
     * over its clipped n-gram counts (BLEU-n at index n-1).
     */
    double[] sentenceBleus(int i, int maxN) {
        checkOrder(maxN);
        int hypLen = index.length(i);
        long[] clipped = new long[maxN];
        for (int k = 1; k <= maxN; k++) {
            int[] ids = index.ids(k, i);
            int[] cnt = index.counts(k, i);
            for (int j = 0; j < ids.length; j++) clipped[k - 1] += Math.min(cnt[j], references.maxInOthers(k, ids[j], cnt[j]));
            if (k == 1 && clipped[0] == 0) return new double[maxN]; // no unigram matches: BLEU 0 at every order
        }
        return fromClipped(clipped, hypLen, refLengths.closestExcludingOne(hypLen));
    }

    /**
     * Sentence BLEU-1..maxN (index n-1) of a hypothesis of {@code hypLen} tokens from its clipped n-gram matches of
     * orders 1..maxN ({@code clipped[k-1]}: the sum over its n-grams of min(own count, largest count in any reference))
     * and the closest reference length. Shared with genaudit-spark, which gets the clipped matches from distributed
     * per-n-gram top-two counts.
     */
    public static double[] fromClipped(long[] clipped, int hypLen, int closestRefLen) {
        int maxN = clipped.length;
        double[] out = new double[maxN];
        if (clipped[0] == 0) return out; // no unigram matches: BLEU 0 at every order
        double[] logP = new double[maxN];
        for (int k = 1; k <= maxN; k++) {
            long denominator = Math.max(1, hypLen - k + 1);
            logP[k - 1] = Math.log(clipped[k - 1] == 0 ? EPSILON / denominator : (double) clipped[k - 1] / denominator);
        }
        double bp = brevityPenalty(closestRefLen, hypLen);
        for (int n = 1; n <= maxN; n++) {
            double logSum = 0;
            for (int k = 1; k <= n; k++) logSum += (1.0 / n) * logP[k - 1];
            out[n - 1] = bp * Math.exp(logSum);
        }
        return out;
    }

    private void checkOrder(int n) {
        if (n < 1 || n > index.maxN()) throw new IllegalArgumentException("n must be in 1.." + index.maxN() + ", got " + n);
    }

    static double brevityPenalty(int closestRefLen, int hypLen) {
        if (hypLen > closestRefLen) return 1;
        if (hypLen == 0) return 0;
        return Math.exp(1 - (double) closestRefLen / hypLen);
    }

    /** The multiset of text lengths, answering NLTK's closest_ref_length with one copy of the hypothesis's length removed. */
    public static final class ReferenceLengths {
        private final int[] distinct;
        private final int[] multiplicity;

        public ReferenceLengths(int[] lengths) {
            int[] s = lengths.clone();
            Arrays.sort(s);
            int d = 0;
            for (int i = 0; i < s.length; i++) if (i == 0 || s[i] != s[i - 1]) d++;
            distinct = new int[d];
            multiplicity = new int[d];
            int k = -1;
            for (int i = 0; i < s.length; i++) {
                if (i == 0 || s[i] != s[i - 1]) distinct[++k] = s[i];
                multiplicity[k]++;
            }
        }

        /** Closest length to {@code hyp} among all lengths minus one copy of {@code hyp} (ties go to the shorter). */
        public int closestExcludingOne(int hyp) {
            int pos = Arrays.binarySearch(distinct, hyp);
            int below, above;
            if (pos >= 0) {
                if (multiplicity[pos] > 1) return hyp;
                below = pos - 1;
                above = pos + 1;
            } else {
                int ins = -pos - 1;
                below = ins - 1;
                above = ins;
            }
            if (below < 0) return distinct[above];
            if (above >= distinct.length) return distinct[below];
            int db = hyp - distinct[below], da = distinct[above] - hyp;
            return db <= da ? distinct[below] : distinct[above];
        }
    }
}
