package io.genaudit.metrics.diversity;

import io.genaudit.metrics.stats.Bootstrap;
import io.genaudit.metrics.stats.Support;
import io.genaudit.reports.Interval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bootstrap confidence intervals over generations for distinct-n, n-gram entropy (n = 1..4) and self-BLEU-2..4: the
 * set of texts is resampled with replacement (seeded, {@link Bootstrap}'s deterministic parallel recipe) and every
 * figure recomputed from the same {@link NgramIndex}, texts weighted by how often they were drawn.
 *
 * <p>Duplicates: for distinct-n and entropy a text drawn twice counts twice, like a generation the model repeated. For
 * self-BLEU the copies of one drawn text are a single generation: it is scored once against the <em>other</em> drawn
 * texts (never against its own copy, which would give BLEU 1) and weighted by its multiplicity in the mean. A resample
 * holds only about 63% distinct texts, and every one of these figures depends on the number of distinct texts (fewer
 * texts: fewer distinct n-grams relative to the total, fewer references for BLEU), so resampled values sit off the
 * estimate by an amount caused by resampling alone. The intervals therefore take the replicates' spread around their
 * mean and centre it on the estimate ({@link Bootstrap#centredPercentiles}), as genaudit's FID interval does: on the logit
 * scale for distinct-n and self-BLEU (shares in [0, 1]; a plain shift escaped [0, 1] on skewed or tiny sets) and on the
 * log scale for entropy (non-negative). Every one of these figures depends on the number of generations, so the
 * intervals cover the expected value over generation sets of this size.
 */
public final class DiversityBootstrap {
    private final Bootstrap bootstrap;
    private final double level;

    public DiversityBootstrap(int resamples, long seed, double level) {
        if (!(level > 0 && level < 1)) throw new IllegalArgumentException("confidence level must be in (0,1), got " + level);
        this.bootstrap = new Bootstrap(resamples, seed);
        this.level = level;
    }

    public int resamples() {
        return bootstrap.resamples();
    }

    /**
     * Intervals keyed by field name ({@code distinct_1..4}, {@code entropy_1..4}, {@code self_bleu_2..4}) around the
     * estimates of the full set; {@code withSelfBleu} false leaves self-BLEU out (it costs one self-BLEU per resample).
     */
    public Map<String, Interval> intervals(NgramIndex index, double[] distinct, double[] entropy, double[] selfBleu,
                                                     boolean withSelfBleu) {
        int maxN = DiversityMetrics.MAX_N;
        double[][] reps = bootstrap.replicateVectors(index.texts(), idx -> replicate(index, idx, withSelfBleu));
        String method = "percentile bootstrap over generations, " + bootstrap.resamples() + " resamples, centred on the estimate "
                + "(duplicates count as repeated generations for distinct-n and entropy; a text is never scored against its own copy for self-BLEU)";
        Map<String, Interval> out = new LinkedHashMap<>();
        String estimand = estimand(index.texts());
        for (int n = 1; n <= maxN; n++) out.put("distinct_" + n, interval(reps, n - 1, distinct[n - 1], method, Support.UNIT, "expected distinct-" + n + " " + estimand));
        for (int n = 1; n <= maxN; n++) out.put("entropy_" + n, interval(reps, maxN + n - 1, entropy[n - 1], method, Support.NON_NEGATIVE, "expected " + n + "-gram entropy " + estimand));
        if (withSelfBleu) {
            for (int n = 2; n <= maxN; n++) {
                out.put("self_bleu_" + n, interval(reps, 2 * maxN + n - 2, selfBleu[n - 2], method, Support.UNIT, "expected self-BLEU-" + n + " " + estimand));
            }
        }
        return out;
    }

    /** What the intervals cover, after "expected FIGURE": generation sets of {@code texts} texts. */
    public static String estimand(int texts) {
        return "over generation sets of " + texts + " texts from this model and prompts (it depends on the set size)";
    }

    private Interval interval(double[][] reps, int column, double estimate, String method, Support support, String estimand) {
        if (Double.isNaN(estimate)) return new Interval(level, Double.NaN, Double.NaN, method, estimand);
        double[] v = new double[reps.length];
        for (int b = 0; b < reps.length; b++) v[b] = reps[b][column];
        Interval c = Bootstrap.centredPercentiles(v, level, estimate, method, support);
        // one method text per scale for all figures (the shifts differ per figure)
        return new Interval(level, c.low(), c.high(), method + (support.scale().isEmpty() ? "" : ", centred on the " + support.scale() + " scale"), estimand);
    }

    /** distinct-1..4, entropy-1..4 and (optionally) self-BLEU-2..4 of one resample given as drawn indices. */
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
