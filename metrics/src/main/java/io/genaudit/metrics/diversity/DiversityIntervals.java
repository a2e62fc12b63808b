package io.genaudit.metrics.diversity;

import io.genaudit.metrics.stats.HalfSampling;
import io.genaudit.metrics.stats.Support;
import io.genaudit.values.Interval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Confidence intervals over generations for distinct-n, n-gram entropy (n = 1..4) and self-BLEU-2..4. Each of these
 * figures depends on the number of generations, so the intervals cover the expected value over generation sets of
 * this size; the figure itself is an unbiased estimate of that, and only its spread is needed.
 *
 * <p>The spread comes from half-sampling over generations ({@link HalfSampling}: {@value #HALVES} seeded random halves
 * of the texts, without replacement, every figure recomputed from the same {@link NgramIndex}), with a normal
 * interval on the logit scale for distinct-n and self-BLEU (shares in [0, 1]) and the log scale for entropy. An
 * earlier percentile bootstrap centred on the estimate missed its target 12-15 % of the time at 95 % nominal on
 * Zipf-distributed texts (a resample holds about 63 % distinct texts, which changes these figures themselves) and
 * escaped [0, 1] on skewed or tiny sets; docs/statistics.md has the coverage measured for this method.
 */
public final class DiversityIntervals {
    /** Half-samples drawn. */
    public static final int HALVES = 100;
    private final HalfSampling halves;
    private final double level;

    public DiversityIntervals(long seed, double level) {
        if (!(level > 0 && level < 1)) throw new IllegalArgumentException("confidence level must be in (0,1), got " + level);
        this.halves = new HalfSampling(HALVES, seed);
        this.level = level;
    }

    /**
     * Intervals keyed by field name ({@code distinct_1..4}, {@code entropy_1..4}, {@code self_bleu_2..4}) around the
     * estimates of the full set; {@code withSelfBleu} false leaves self-BLEU out (it costs one self-BLEU of half the texts per half-sample).
     */
    public Map<String, Interval> intervals(NgramIndex index, double[] distinct, double[] entropy, double[] selfBleu,
                                           boolean withSelfBleu) {
        int maxN = DiversityMetrics.MAX_N;
        double[] estimates = new double[3 * maxN - 1];
        Support[] supports = new Support[estimates.length];
        String[] names = new String[estimates.length];
        String estimand = estimand(index.texts());
        for (int n = 1; n <= maxN; n++) {
            estimates[n - 1] = distinct[n - 1];
            supports[n - 1] = Support.UNIT;
            names[n - 1] = "distinct_" + n;
            estimates[maxN + n - 1] = entropy[n - 1];
            supports[maxN + n - 1] = Support.NON_NEGATIVE;
            names[maxN + n - 1] = "entropy_" + n;
        }
        for (int n = 2; n <= maxN; n++) {
            estimates[2 * maxN + n - 2] = withSelfBleu ? selfBleu[n - 2] : Double.NaN;
            supports[2 * maxN + n - 2] = Support.UNIT;
            names[2 * maxN + n - 2] = "self_bleu_" + n;
        }
        Interval[] cis = halves.intervals(new int[]{index.texts()}, kept -> replicate(index, kept[0], withSelfBleu), estimates, supports, level, "generations");
        Map<String, Interval> out = new LinkedHashMap<>();
        for (int k = 0; k < cis.length; k++) {
            if (!withSelfBleu && names[k].startsWith("self_bleu_")) continue;
            String figure = names[k].startsWith("distinct_") ? "distinct-" + names[k].substring(9)
                    : names[k].startsWith("entropy_") ? names[k].substring(8) + "-gram entropy" : "self-BLEU-" + names[k].substring(10);
            out.put(names[k], cis[k].withEstimand("expected " + figure + " " + estimand));
        }
        return out;
    }

    /** What the intervals cover, after "expected FIGURE": generation sets of {@code texts} texts. */
    public static String estimand(int texts) {
        return "over generation sets of " + texts + " texts from this model and prompts (it depends on the set size)";
    }

    /** distinct-1..4, entropy-1..4 and (optionally) self-BLEU-2..4 of one resample or jackknife subset given as drawn indices. */
    static double[] replicate(NgramIndex index, int[] drawn, boolean withSelfBleu) {
        int maxN = DiversityMetrics.MAX_N;
        int[] weights = new int[index.texts()];
        for (int i : drawn) weights[i]++;
        double[] out = new double[2 * maxN + maxN - 1];
        for (int n = 1; n <= maxN; n++) {
            long[] totals = index.weightedTotals(n, weights);
            out[n - 1] = NgramStatistics.distinct(totals);
            out[maxN + n - 1] = NgramStatistics.entropyNats(totals);
        }
        if (withSelfBleu) {
            double[] bleu = weightedSelfBleu(index, weights);
            System.arraycopy(bleu, 1, out, 2 * maxN, maxN - 1);
        }
        return out;
    }

    /**
     * Self-BLEU-1..maxN of the texts with nonzero weight, each scored against the other such texts and averaged with its
     * weight; NaN when fewer than two distinct texts were drawn.
     */
    static double[] weightedSelfBleu(NgramIndex index, int[] weights) {
        int maxN = DiversityMetrics.MAX_N;
        int distinct = 0;
        for (int w : weights) if (w > 0) distinct++;
        double[] sum = new double[maxN];
        if (distinct < 2) {
            java.util.Arrays.fill(sum, Double.NaN);
            return sum;
        }
        int[] present = new int[distinct];
        for (int i = 0, k = 0; i < weights.length; i++) if (weights[i] > 0) present[k++] = i;
        SelfBleu sb = SelfBleu.within(index, present);
        long total = 0;
        for (int i : present) {
            double[] b = sb.sentenceBleus(i, maxN);
            for (int n = 0; n < maxN; n++) sum[n] += weights[i] * b[n];
            total += weights[i];
        }
        for (int n = 0; n < maxN; n++) sum[n] /= total;
        return sum;
    }
}
