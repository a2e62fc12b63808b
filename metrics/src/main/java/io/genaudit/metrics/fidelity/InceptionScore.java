package io.genaudit.metrics.fidelity;

import io.genaudit.metrics.numerics.NumpyRandomState;
import io.genaudit.metrics.stats.Bootstrap;
import io.genaudit.metrics.stats.ResampledRows;
import io.genaudit.values.Interval;

/**
 * Inception Score (Salimans et al. 2016) from classifier logits, as torch-fidelity computes it: optionally shuffle
 * the rows with numpy's {@code RandomState(seed).permutation}, take float64 softmax and log-softmax, split the rows
 * into {@code splits} consecutive chunks {@code [i*N/splits, (i+1)*N/splits)}, and score each chunk by
 * {@code exp(mean_x KL(p(y|x) || p(y)))} with {@code p(y)} the chunk's mean prediction; report the mean and numpy's
 * population standard deviation over chunks.
 *
 * @param splits  chunks scored separately
 * @param shuffle whether rows are shuffled first
 * @param seed    the shuffle's seed, folded to 32 bits as numpy's {@code RandomState} takes it
 */
public record InceptionScore(int splits, boolean shuffle, long seed) {
    public static final int DEFAULT_SPLITS = 10;

    public InceptionScore {
        if (splits < 1) throw new IllegalArgumentException("at least one split, got " + splits);
        seed = seed & 0xFFFFFFFFL;
    }

    /** Mean and population standard deviation over splits, and each split's score. */
    public record Result(double mean, double std, double[] perSplit, int splits, boolean shuffled, long seed) {
    }

    /** What the IS interval covers at {@code n} generated samples. */
    public String estimand(int n) {
        return "expected Inception Score of " + n + " generated samples scored in " + splits + " splits (IS depends on "
                + "the split size, so this is not the generator's IS at another n)";
    }

    /** Percentile bootstrap over generated samples (rows resampled, IS recomputed with these settings). */
    public Interval interval(double[][] logits, int resamples, long bootstrapSeed, double level) {
        Interval c = new Bootstrap(resamples, bootstrapSeed).percentileInterval(logits.length,
                idx -> compute(ResampledRows.pick(logits, idx)).mean(), level);
        return c.withMethod(c.method() + " over generated samples").withEstimand(estimand(logits.length));
    }

    public Result compute(double[][] logits) {
        int n = logits.length;
        if (n < splits) throw new IllegalArgumentException("Inception Score needs at least one row per split: " + n + " rows, " + splits + " splits");
        int c = logits[0].length;
        int[] order = shuffle ? new NumpyRandomState(seed).permutation(n) : null;
        double[][] logP = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] row = logits[order == null ? i : order[i]];
            if (row.length != c) throw new IllegalArgumentException("row " + i + " has " + row.length + " logits, expected " + c);
            logP[i] = logSoftmax(row);
        }
        double[] scores = new double[splits];
        for (int s = 0; s < splits; s++) {
            int from = (int) ((long) s * n / splits);
            int to = (int) ((long) (s + 1) * n / splits);
            double[] q = new double[c];
            for (int i = from; i < to; i++) for (int k = 0; k < c; k++) q[k] += Math.exp(logP[i][k]);
            double[] logQ = new double[c];
            for (int k = 0; k < c; k++) logQ[k] = Math.log(q[k] / (to - from));
            double klSum = 0;
            for (int i = from; i < to; i++) {
                double kl = 0;
                for (int k = 0; k < c; k++) kl += Math.exp(logP[i][k]) * (logP[i][k] - logQ[k]);
                klSum += kl;
            }
            scores[s] = Math.exp(klSum / (to - from));
        }
        double mean = 0;
        for (double v : scores) mean += v;
        mean /= splits;
        double ss = 0;
        for (double v : scores) ss += (v - mean) * (v - mean);
        return new Result(mean, Math.sqrt(ss / splits), scores, splits, shuffle, seed);
    }

    private static double[] logSoftmax(double[] x) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) max = Math.max(max, v);
        double sum = 0;
        for (double v : x) sum += Math.exp(v - max);
        double log = Math.log(sum);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) out[i] = x[i] - max - log;
        return out;
    }
}
