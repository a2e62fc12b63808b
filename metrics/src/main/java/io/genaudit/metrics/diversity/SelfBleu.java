package io.genaudit.metrics.diversity;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Self-BLEU the Texygen way (Zhu et al. 2018, parallel variant): each text is the hypothesis and all the other texts
 * are its references; the score is the mean sentence BLEU. BLEU-n follows NLTK's {@code sentence_bleu}: uniform
 * weights 1/n over clipped n-gram precisions 1..n, {@code SmoothingFunction().method1} (epsilon 0.1 added to zero
 * numerators), BLEU 0 when no unigram matches, and the brevity penalty against the closest reference length (ties to
 * the shorter). Uses the {@link NgramIndex} top-two counts, so it is linear in the corpus size rather than quadratic;
 * hypotheses are scored in parallel into fixed slots, so the result does not depend on the thread schedule.
 */
public final class SelfBleu {
    static final double EPSILON = 0.1;

    private final NgramIndex index;
    private final ReferenceLengths refLengths;

    public SelfBleu(NgramIndex index) {
        if (index.texts() < 2) throw new IllegalArgumentException("self-BLEU needs at least 2 texts, got " + index.texts());
        this.index = index;
        int[] lens = new int[index.texts()];
        for (int i = 0; i < lens.length; i++) lens[i] = index.length(i);
        this.refLengths = new ReferenceLengths(lens);
    }

    /** Sentence BLEU-n of every text against all the others. */
    public double[] perText(int n) {
        if (n < 1 || n > index.maxN()) throw new IllegalArgumentException("n must be in 1.." + index.maxN() + ", got " + n);
        return IntStream.range(0, index.texts()).parallel().mapToDouble(i -> sentenceBleu(i, n)).toArray();
    }

    /** Mean sentence BLEU-n (Texygen's self-BLEU-n). */
    public double mean(int n) {
        double[] v = perText(n);
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    double sentenceBleu(int i, int n) {
        int hypLen = index.length(i);
        double logSum = 0;
        for (int k = 1; k <= n; k++) {
            int[] ids = index.ids(k, i);
            int[] cnt = index.counts(k, i);
            long clipped = 0;
            for (int j = 0; j < ids.length; j++) clipped += Math.min(cnt[j], index.maxCountInOthers(k, ids[j], cnt[j]));
            if (k == 1 && clipped == 0) return 0;
            long denominator = Math.max(1, hypLen - k + 1);
            double p = clipped == 0 ? EPSILON / denominator : (double) clipped / denominator;
            logSum += (1.0 / n) * Math.log(p);
        }
        return brevityPenalty(refLengths.closestExcludingOne(hypLen), hypLen) * Math.exp(logSum);
    }

    static double brevityPenalty(int closestRefLen, int hypLen) {
        if (hypLen > closestRefLen) return 1;
        if (hypLen == 0) return 0;
        return Math.exp(1 - (double) closestRefLen / hypLen);
    }

    /** The multiset of text lengths, answering NLTK's closest_ref_length with one copy of the hypothesis's length removed. */
    static final class ReferenceLengths {
        private final int[] distinct;
        private final int[] multiplicity;

        ReferenceLengths(int[] lengths) {
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
        int closestExcludingOne(int hyp) {
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
