import io.genaudit.engine.Progress;
import io.genaudit.engine.image.BufferedImages;
import io.genaudit.engine.image.Images;
import io.genaudit.engine.image.InMemoryImageSource;
import io.genaudit.datasets.shapes.ShapesRenderer;
import io.genaudit.datasets.shapes.ShapesSpec;
import io.genaudit.metrics.detect.CrossValidatedScores;
import io.genaudit.metrics.detect.DetectabilityMetrics;
import io.genaudit.metrics.detect.DetectabilitySettings;
import io.genaudit.metrics.detect.DetectorClassifier;
import io.genaudit.metrics.detect.FeatureRows;
import io.genaudit.metrics.detect.GaussianNoise;
import io.genaudit.metrics.detect.LabelledFeatures;
import io.genaudit.metrics.detect.SpectralFeatureExtractor;
import io.genaudit.values.Interval;
import io.genaudit.metrics.stats.DeLong;

import java.util.Locale;

/**
 * Coverage of the cross-validated AUC interval (bench/README.md, detect): for each of SPLITS independent data sets,
 * 2 x PER_CLASS shapes images are rendered with fixture seed 1000+s (every image is an independent draw), split into
 * two classes, and run through genaudit's detectability protocol (default features, stratified 5-fold CV). Two
 * scenarios: "null" (real vs real: the true AUC is 0.5) and "signal" (the second class gets Gaussian noise of sigma
 * NOISE: the target is the mean AUC over all splits). Prints, per classifier, how often each 95% interval misses the
 * target (nominal 5%), the spread of the AUC across splits against DeLong's fixed-scores standard error, and timing.
 * Args: [splits=200] [perClass=300] [classifiers=logistic,svm] [noise=0.012].
 */
public class CalibrationBench {
    public static void main(String[] a) {
        int splits = a.length > 0 ? Integer.parseInt(a[0]) : 200;
        int perClass = a.length > 1 ? Integer.parseInt(a[1]) : 300;
        String[] classifiers = (a.length > 2 ? a[2] : "logistic,svm").split(",");
        double noise = a.length > 3 ? Double.parseDouble(a[3]) : 0.012;
        System.out.printf(Locale.ROOT, "CalibrationBench: %d splits of %d + %d shapes images, 5-fold CV, default features; %d cores, Java %s%n",
                splits, perClass, perClass, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        SpectralFeatureExtractor ex = DetectabilitySettings.defaults(0).features().extractor();
        for (String scenario : new String[]{"null", "signal"}) {
            long t0 = System.nanoTime();
            LabelledFeatures[] data = new LabelledFeatures[splits];
            for (int s = 0; s < splits; s++) data[s] = split(s, perClass, ex, scenario.equals("signal") ? noise : 0);
            double tf = (System.nanoTime() - t0) / 1e9;
            for (String c : classifiers) run(scenario, noise, DetectorClassifier.parse(c), data, tf);
        }
    }

    /** Images 0..m-1 of fixture seed 1000+s are class 0, m..2m-1 class 1 (with noise of sigma {@code noise} when > 0). */
    static LabelledFeatures split(int s, int m, SpectralFeatureExtractor ex, double noise) {
        ShapesRenderer r = new ShapesRenderer(ShapesSpec.balanced(2 * m), 1000 + s);
        int size = 3 * 32 * 32;
        float[] d = new float[2 * m * size];
        for (int i = 0; i < 2 * m; i++) BufferedImages.toPlanes(r.render(i).image(), 3, d, i * size);
        Images all = new Images(2 * m, 3, 32, 32, d);
        double[][] a = FeatureRows.of(new InMemoryImageSource(all.slice(0, m), "class 0"), ex, null, 1, 64, Progress.NONE);
        double[][] b = FeatureRows.of(new InMemoryImageSource(all.slice(m, 2 * m), "class 1"), ex,
                noise > 0 ? new GaussianNoise(noise) : null, 2 + s, 64, Progress.NONE);
        return LabelledFeatures.of(a, b);
    }

    static void run(String scenario, double noise, DetectorClassifier c, LabelledFeatures[] data, double featureSeconds) {
        int n = data.length;
        double[] auc = new double[n], se = new double[n];
        Interval[] boot = new Interval[n], delong = new Interval[n], cv = new Interval[n];
        double tcv = 0, tboot = 0;
        for (int s = 0; s < n; s++) {
            long t0 = System.nanoTime();
            CrossValidatedScores scores = CrossValidatedScores.run(data[s].x(), data[s].labels(), 5, c, 7 + s);
            long t1 = System.nanoTime();
            DetectabilityMetrics fixed = DetectabilityMetrics.of(scores.scores(), data[s].labels(), 0.01, 1000, 7 + s);
            long t2 = System.nanoTime();
            DetectabilityMetrics m = DetectabilityMetrics.ofCrossValidated(scores.scores(), data[s].labels(), 0.01);
            tcv += (t1 - t0) / 1e9;
            tboot += (t2 - t1) / 1e9;
            auc[s] = m.auc();
            se[s] = Math.sqrt(DeLong.estimate(scores.scores(), data[s].labels()).variance(0));
            boot[s] = fixed.aucCi();
            delong[s] = m.aucCiDeLong();
            cv[s] = m.aucCi();
        }
        double mean = mean(auc), sd = sd(auc), mse = Math.sqrt(meanSquare(se));
        double target = scenario.equals("null") ? 0.5 : mean;
        System.out.printf(Locale.ROOT, "%n[%s%s] classifier %s, %d splits: AUC mean %.4f, sd across splits %.4f; DeLong SE (rms) %.4f; "
                        + "variance ratio sd^2/SE^2 = %.2f%n", scenario, scenario.equals("signal") ? " noise " + noise : "", c.id(), n, mean, sd, mse,
                sd * sd / (mse * mse));
        String what = scenario.equals("null") ? "0.5" : String.format(Locale.ROOT, "the mean AUC %.4f", target);
        System.out.printf(Locale.ROOT, "  95%% intervals excluding %s: percentile bootstrap of fixed scores %s, DeLong fixed scores %s, "
                        + "cross-validated (DeLong x%.0f variance, genaudit's auc_ci) %s%n", what, rate(boot, target), rate(delong, target),
                DetectabilityMetrics.CV_VARIANCE_FACTOR, rate(cv, target));
        System.out.printf(Locale.ROOT, "  mean width: bootstrap %.4f, DeLong %.4f, cross-validated %.4f; time: features %.1f s (all splits), "
                + "CV %.2f s/split, bootstrap %.2f s/split%n", width(boot), width(delong), width(cv), featureSeconds, tcv / n, tboot / n);
    }

    static String rate(Interval[] ci, double target) {
        int k = 0;
        for (Interval c : ci) if (!c.contains(target)) k++;
        double p = (double) k / ci.length;
        double se = Math.sqrt(p * (1 - p) / ci.length);
        return String.format(Locale.ROOT, "%d/%d = %.1f%% (± %.1f)", k, ci.length, 100 * p, 100 * 1.96 * se);
    }

    static double width(Interval[] ci) {
        double s = 0;
        for (Interval c : ci) s += c.high() - c.low();
        return s / ci.length;
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    static double meanSquare(double[] v) {
        double s = 0;
        for (double x : v) s += x * x;
        return s / v.length;
    }

    static double sd(double[] v) {
        double m = mean(v), s = 0;
        for (double x : v) s += (x - m) * (x - m);
        return Math.sqrt(s / (v.length - 1));
    }
}
