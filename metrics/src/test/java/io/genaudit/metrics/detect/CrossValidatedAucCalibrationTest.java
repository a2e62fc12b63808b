package io.genaudit.metrics.detect;

import io.genaudit.metrics.stats.DeLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cheap version of bench/detect/CalibrationBench: with no signal (both classes drawn from one Gaussian), the 95%
 * interval of a cross-validated AUC must exclude 0.5 in about 5% of independent data sets. DeLong's fixed-scores
 * interval does so far more often, because each fold's images also train the detectors scoring the other folds.
 */
class CrossValidatedAucCalibrationTest {
    private static final int DATASETS = 300, PER_CLASS = 50, DIM = 20, FOLDS = 5;

    @Tag("integration")
    @Test
    void nullIntervalExcludesHalfAboutFivePercentOfTheTime() {
        SplittableRandom r = new SplittableRandom(2024);
        int corrected = 0, fixedScores = 0;
        for (int d = 0; d < DATASETS; d++) {
            double[][] x = new double[2 * PER_CLASS][DIM];
            int[] y = new int[2 * PER_CLASS];
            for (int i = 0; i < x.length; i++) {
                for (int j = 0; j < DIM; j++) x[i][j] = gaussian(r);
                y[i] = i < PER_CLASS ? 0 : 1;
            }
            CrossValidatedScores cv = CrossValidatedScores.run(x, y, FOLDS, DetectorClassifier.LOGISTIC, d);
            DetectabilityMetrics m = DetectabilityMetrics.ofCrossValidated(cv.scores(), y, 0.01);
            if (!m.aucCi().contains(0.5)) corrected++;
            if (!m.aucCiDeLong().contains(0.5)) fixedScores++;
        }
        double rc = (double) corrected / DATASETS, rf = (double) fixedScores / DATASETS;
        // binomial(300, 0.05): 15 expected, P(X >= 25) < 0.01
        System.out.printf("null data sets whose 95%% interval excludes 0.5: cross-validated %.3f, fixed-scores DeLong %.3f%n", rc, rf);
        assertTrue(rc < 25.0 / DATASETS, "cross-validated interval excluded 0.5 in " + rc + " of null data sets");
        assertTrue(rf > 0.08, "fixed-scores DeLong excluded 0.5 in only " + rf + " (the problem this interval fixes did not show)");
    }

    @Test
    void correctedIntervalIsDeLongWithDoubledVariance() {
        SplittableRandom r = new SplittableRandom(7);
        double[] s = new double[40];
        int[] y = new int[40];
        for (int i = 0; i < s.length; i++) {
            y[i] = i % 2;
            s[i] = gaussian(r) + 0.5 * y[i];
        }
        DetectabilityMetrics m = DetectabilityMetrics.ofCrossValidated(s, y, 0.05);
        double se = Math.sqrt(DeLong.estimate(s, y).variance(0)), z = 1.959963984540054;
        double logit = Math.log(m.auc() / (1 - m.auc())), scale = m.auc() * (1 - m.auc());
        assertEquals(expit(logit - z * Math.sqrt(2) * se / scale), m.aucCi().low(), 1e-12);
        assertEquals(expit(logit + z * Math.sqrt(2) * se / scale), m.aucCi().high(), 1e-12);
        assertEquals(expit(logit + z * se / scale), m.aucCiDeLong().high(), 1e-12);
    }

    private static double expit(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private static double gaussian(SplittableRandom r) {
        double u = r.nextDouble(), v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
