package io.genaudit.metrics.detect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Out-of-fold detector scores by stratified k-fold cross-validation: every image is scored exactly once, by a
 * standardiser and classifier fitted only on the other folds, so no image is ever in both train and test.
 *
 * @param scores out-of-fold score of every row (higher = more likely generated)
 * @param fold   the test fold of every row
 */
public record CrossValidatedScores(double[] scores, int[] fold, int folds, DetectorClassifier classifier) {

    /** Stratified fold assignment: each class is shuffled (seeded) and dealt round-robin into {@code k} folds. */
    public static int[] stratifiedFolds(int[] labels, int k, long seed) {
        int[] fold = new int[labels.length];
        Random r = new Random(seed);
        for (int cls = 0; cls <= 1; cls++) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) if (labels[i] == cls) idx.add(i);
            if (idx.size() < k) {
                throw new io.genaudit.engine.InputException((cls == 1 ? "generated" : "real") + " images", k
                        + "-fold cross-validation needs at least " + k + " images of each class, found " + idx.size()
                        + "; give more images or fewer folds (--folds, params.folds)");
            }
            Collections.shuffle(idx, r);
            for (int j = 0; j < idx.size(); j++) fold[idx.get(j)] = j % k;
        }
        return fold;
    }

    /** Runs k-fold cross-validation of {@code classifier} on raw feature rows {@code x} with 0/1 {@code labels}. */
    public static CrossValidatedScores run(double[][] x, int[] labels, int k, DetectorClassifier classifier, long seed) {
        if (k < 2) throw new IllegalArgumentException("at least 2 folds, got " + k);
        int[] fold = stratifiedFolds(labels, k, seed);
        double[] scores = new double[x.length];
        for (int f = 0; f < k; f++) {
            List<double[]> tx = new ArrayList<>();
            List<Integer> ty = new ArrayList<>();
            for (int i = 0; i < x.length; i++) {
                if (fold[i] != f) {
                    tx.add(x[i]);
                    ty.add(labels[i]);
                }
            }
            double[][] train = tx.toArray(new double[0][]);
            int[] trainY = ty.stream().mapToInt(Integer::intValue).toArray();
            TrainedDetector d = TrainedDetector.fit(train, trainY, classifier, seed + 31L * f);
            List<Integer> test = new ArrayList<>();
            for (int i = 0; i < x.length; i++) if (fold[i] == f) test.add(i);
            double[][] testX = new double[test.size()][];
            for (int j = 0; j < testX.length; j++) testX[j] = x[test.get(j)];
            double[] s = d.score(testX);
            for (int j = 0; j < testX.length; j++) scores[test.get(j)] = s[j];
        }
        return new CrossValidatedScores(scores, fold, k, classifier);
    }
}
