package io.genaudit.metrics.diversity;

import io.genaudit.values.Interval;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Computes a {@link DiversityResult} for tokenized texts from a single {@link NgramIndex} (orders 1..4), with
 * jackknife intervals over generations ({@link DiversityIntervals}) for distinct-n, entropy and self-BLEU. The Vendi
 * score needs an eigendecomposition of an items-by-items kernel, so above {@code vendiMaxItems} texts it is computed
 * on a seeded uniform subsample of that size (reported in the result); it gets no interval.
 *
 * @param vendiMaxItems      the Vendi score's largest sample of texts
 * @param seed               seed of the Vendi subsample and of the jackknife groups
 * @param resamples          0: no intervals; otherwise (at least 10, the CLI's --bootstrap) jackknife intervals ({@link DiversityIntervals})
 * @param selfBleuCiMaxTexts self-BLEU intervals only up to this many texts (each resample costs one self-BLEU)
 */
public record DiversityMetrics(int vendiMaxItems, long seed, int resamples, int selfBleuCiMaxTexts) {
    public static final int MAX_N = 4;
    /** Confidence level of the intervals. */
    public static final double LEVEL = 0.95;
    /** Self-BLEU intervals cost one self-BLEU per resample; by default they are computed up to this many texts. */
    public static final int SELF_BLEU_CI_MAX_TEXTS = 2000;

    public DiversityMetrics {
        if (resamples != 0 && resamples < 10) throw new IllegalArgumentException("bootstrap resamples must be 0 (none) or >= 10, got " + resamples);
    }

    public DiversityResult compute(List<List<String>> texts) {
        return compute(texts, NgramCounts.of(texts));
    }

    /**
     * The figures of {@code texts} whose n-gram counts are {@code counts} (distinct-n and entropy come from the counts,
     * which shards can sum; self-BLEU, the Vendi score and the intervals need the texts themselves).
     */
    public DiversityResult compute(List<List<String>> texts, NgramCounts counts) {
        NgramIndex index = new NgramIndex(texts, MAX_N);
        double[] distinct = new double[MAX_N];
        long[] ngrams = new long[MAX_N];
        double[] entropy = new double[MAX_N];
        for (int n = 1; n <= MAX_N; n++) {
            long[] totals = counts.totals(n);
            distinct[n - 1] = NgramStatistics.distinct(totals);
            ngrams[n - 1] = Arrays.stream(totals).sum();
            entropy[n - 1] = NgramStatistics.entropyNats(totals);
        }
        double[] selfBleu = new double[MAX_N - 1];
        if (texts.size() >= 2) {
            SelfBleu sb = new SelfBleu(index);
            for (int n = 2; n <= MAX_N; n++) selfBleu[n - 2] = sb.mean(n);
        } else {
            Arrays.fill(selfBleu, Double.NaN);
        }
        int[] nonEmpty = java.util.stream.IntStream.range(0, texts.size()).filter(i -> !texts.get(i).isEmpty()).toArray();
        int[] subset = subsample(nonEmpty, vendiMaxItems, seed);
        double vendi = subset.length == 0 ? Double.NaN : VendiScore.ofTexts(index, MAX_N, subset);
        Map<String, Interval> ci = resamples == 0 || texts.size() < 2 ? Map.of()
                : new DiversityIntervals(seed, LEVEL).intervals(index, distinct, entropy, selfBleu, texts.size() <= selfBleuCiMaxTexts);
        return new DiversityResult(texts.size(), ngrams[0], distinct, ngrams, entropy, selfBleu, vendi, subset.length, ci);
    }

    /** {@code k} of the given items chosen uniformly with a seeded partial shuffle, in increasing order (all when fewer). */
    public static int[] subsample(int[] items, int k, long seed) {
        if (items.length <= k) return items;
        int[] a = items.clone();
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < k; i++) {
            int j = i + r.nextInt(a.length - i);
            int t = a[i]; a[i] = a[j]; a[j] = t;
        }
        int[] out = Arrays.copyOf(a, k);
        Arrays.sort(out);
        return out;
    }
}
