package io.genaudit.metrics.bias;

import io.genaudit.metrics.stats.Bootstrap;
import io.genaudit.metrics.stats.ChiSquareGoodnessOfFit;
import io.genaudit.values.Interval;
import io.genaudit.metrics.stats.MultipleComparisons;
import io.genaudit.metrics.stats.Replicates;
import io.genaudit.metrics.stats.TestResult;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Compares the attribute distribution of generated images (classifier predictions) with a target distribution (uniform
 * or the reference data's): total-variation distance, KL(p || target), DALL-Eval's mean absolute deviation
 * mean_i |p_i - target_i| and a chi-square goodness-of-fit test on the predicted counts. With a labelled calibration
 * set the proportions are corrected for the classifier's confusion ({@link ConfusionCorrection}); the bootstrap then
 * resamples generated predictions and calibration images together, so intervals include the classifier's uncertainty.
 * Per class: the (corrected) share with its interval and a bootstrap test of share = target, corrected across classes.
 */
public final class AttributeDistributionProbe {
    /** Labelled calibration images: true class and the classifier's prediction for each. */
    public record Calibration(int[] trueLabels, int[] predicted) {
        public Calibration {
            if (trueLabels.length != predicted.length || trueLabels.length == 0) throw new IllegalArgumentException("calibration needs equal, non-empty label arrays");
        }
    }

    /** Distances between the estimated distribution and the target, each with a bootstrap interval. */
    public record Distances(double tvd, Interval tvdCi, double kl, Interval klCi, double mad, Interval madCi) {
    }

    public record Report(List<String> classes, double[] target, double[] observed, double[] estimate, CorrectedFamily perClass,
                         Distances distances, TestResult chiSquare, int n, int calibrationN, double[][] confusion, String method) {
    }

    private final MultipleComparisons.Method correction;
    private final double level;
    private final Replicates plan;

    public AttributeDistributionProbe(MultipleComparisons.Method correction, double level, int resamples, long seed) {
        this.correction = correction;
        this.level = level;
        this.plan = new Replicates(Math.max(10, resamples), seed);
    }

    public Report run(List<String> classes, int[] predictions, double[] target, Calibration calibration) {
        int k = classes.size();
        if (target.length != k) throw new IllegalArgumentException("target has " + target.length + " classes, classifier " + k);
        if (predictions.length == 0) throw new IllegalArgumentException("no generated images to classify");
        double[] observed = proportions(predictions, k, null);
        double[][] conf = calibration == null ? null : ConfusionCorrection.confusion(calibration.trueLabels(), calibration.predicted(), k, null);
        double[] estimate = conf == null ? observed : ConfusionCorrection.correct(conf, observed);
        // bootstrap: resample predictions and calibration images independently within each replicate
        int n = predictions.length, m = calibration == null ? 0 : calibration.trueLabels().length;
        int resamples = plan.count();
        double[][] reps = plan.mapToVectors(r -> {
            double[] q = proportions(predictions, k, Replicates.withReplacement(n, r));
            if (calibration == null) return q;
            int[] ci = Replicates.withReplacement(m, r);
            return ConfusionCorrection.correct(ConfusionCorrection.confusion(calibration.trueLabels(), calibration.predicted(), k, ci), q);
        });
        String how = "percentile bootstrap, " + resamples + " resamples of the generated images" + (calibration == null ? "" : " and of the " + m + " calibration images");
        List<GroupEffect> rows = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            final int cc = c;
            double[] rc = IntStream.range(0, resamples).mapToDouble(b -> reps[b][cc]).toArray();
            Interval ci = Bootstrap.percentiles(rc, level, how);
            rows.add(GroupEffect.uncorrected(classes.get(c), n, calibration == null ? "predicted share" : "corrected share", estimate[c], ci,
                    bootstrapPValue(rc, target[c]), "bootstrap test of share = target " + round(target[c])));
        }
        Distances d = new Distances(
                tvd(estimate, target), Bootstrap.percentiles(map(reps, p -> tvd(p, target)), level, how),
                kl(estimate, target), Bootstrap.percentiles(map(reps, p -> kl(p, target)), level, how),
                mad(estimate, target), Bootstrap.percentiles(map(reps, p -> mad(p, target)), level, how));
        double[] counts = new double[k];
        for (int p : predictions) counts[p]++;
        TestResult chi = ChiSquareGoodnessOfFit.test(counts, target);
        return new Report(List.copyOf(classes), target.clone(), observed, estimate, CorrectedFamily.correct("classes", rows, correction, 1 - level),
                d, chi, n, m, conf, calibration == null ? "classifier predictions taken as true" : "confusion-corrected (solve C^T p = q, simplex projection)");
    }

    /** Two-sided bootstrap p-value of H0: value = h, as 2 * min(P*(rep &lt;= h), P*(rep &gt;= h)), floored at 1/(B+1). */
    static double bootstrapPValue(double[] reps, double h) {
        int le = 0, ge = 0;
        for (double r : reps) {
            if (r <= h) le++;
            if (r >= h) ge++;
        }
        double p = 2.0 * Math.min(le + 1, ge + 1) / (reps.length + 1);
        return Math.min(1, p);
    }

    public static double[] proportions(int[] labels, int k, int[] idx) {
        double[] p = new double[k];
        int n = idx == null ? labels.length : idx.length;
        for (int m = 0; m < n; m++) {
            int l = labels[idx == null ? m : idx[m]];
            if (l < 0 || l >= k) throw new IllegalArgumentException("label " + l + " outside 0.." + (k - 1));
            p[l]++;
        }
        for (int c = 0; c < k; c++) p[c] /= n;
        return p;
    }

    public static double tvd(double[] p, double[] q) {
        double s = 0;
        for (int i = 0; i < p.length; i++) s += Math.abs(p[i] - q[i]);
        return s / 2;
    }

    /** KL(p || q) in nats (0 log 0 = 0; infinite when p puts mass where q has none). */
    public static double kl(double[] p, double[] q) {
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] == 0) continue;
            if (q[i] == 0) return Double.POSITIVE_INFINITY;
            s += p[i] * Math.log(p[i] / q[i]);
        }
        return s;
    }

    /** DALL-Eval's mean absolute deviation from the target (uniform in the paper). */
    public static double mad(double[] p, double[] q) {
        double s = 0;
        for (int i = 0; i < p.length; i++) s += Math.abs(p[i] - q[i]);
        return s / p.length;
    }

    public static double[] uniform(int k) {
        double[] u = new double[k];
        java.util.Arrays.fill(u, 1.0 / k);
        return u;
    }

    private static double[] map(double[][] reps, java.util.function.ToDoubleFunction<double[]> f) {
        return java.util.Arrays.stream(reps).mapToDouble(f).toArray();
    }

    private static String round(double x) {
        return String.format(java.util.Locale.ROOT, "%.4f", x);
    }
}
