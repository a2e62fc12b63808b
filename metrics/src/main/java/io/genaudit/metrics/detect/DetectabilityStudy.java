package io.genaudit.metrics.detect;

import io.genaudit.engine.Progress;
import io.genaudit.engine.image.ImageSource;
import io.genaudit.metrics.detect.DetectionInput.Label;
import io.genaudit.metrics.stats.DeLong;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Runs the detectability protocol for one real/generated pair: streamed feature extraction, stratified k-fold
 * out-of-fold scores and metrics, the robustness sweep (the whole protocol repeated after a perturbation applied to
 * both classes) and the cross-generator transfer test (train on one generator, test on another).
 */
public final class DetectabilityStudy {
    private final DetectabilitySettings settings;
    private final Progress.Factory progress;
    private final SpectralFeatureExtractor extractor;

    public DetectabilityStudy(DetectabilitySettings settings, Progress.Factory progress) {
        this.settings = settings;
        this.progress = progress;
        this.extractor = settings.features().extractor();
    }

    public DetectabilitySettings settings() {
        return settings;
    }

    /** The out-of-fold scores and the metrics computed from them. */
    public record Outcome(DetectabilityMetrics metrics, CrossValidatedScores cv, LabelledFeatures data) {
    }

    /** One point of a robustness curve. */
    public record RobustnessPoint(String kind, double strength, DetectabilityMetrics metrics) {
    }

    /**
     * Train on real + generator A, test on held-out real + held-out A (within) and on held-out real + generator B
     * (across); real and A are split in half at random (seeded). {@code comparison} is an unpaired DeLong test of the
     * two AUCs (conservative: the two test sets share their real images).
     */
    public record CrossGenerator(DetectabilityMetrics within, DetectabilityMetrics across, DeLong.Comparison comparison,
                                 int nTrainReal, int nTrainFake) {
    }

    /** Streams both sources (after {@code perturbation}, or none when null) into labelled feature rows. */
    public LabelledFeatures features(ImageSource real, ImageSource fake, Perturbation perturbation) {
        return LabelledFeatures.of(rows(real, perturbation, sourceName(Label.REAL)), rows(fake, perturbation, sourceName(Label.GENERATED)));
    }

    /** Feature rows of one source. */
    public double[][] rows(ImageSource src, Perturbation perturbation, String what) {
        String task = "features " + what + (perturbation == null ? "" : " (" + perturbation.describe() + ")");
        try (Progress p = progress.start(task, src.size(), "img")) {
            return FeatureRows.of(src, extractor, perturbation, featureSeed(settings.seed(), what), settings.batchSize(), p);
        }
    }

    /** How {@link #features} names the images of {@code label} ("real", "generated"): in progress tasks and {@link #featureSeed}. */
    public static String sourceName(Label label) {
        return label.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The perturbation seed of the feature rows of source {@code what} ("real", "generated", a generator id) under run seed {@code seed}. */
    public static long featureSeed(long seed, String what) {
        return seed ^ what.hashCode();
    }

    /** Stratified k-fold out-of-fold scores of {@code data}. */
    public CrossValidatedScores outOfFoldScores(LabelledFeatures data) {
        return CrossValidatedScores.run(data.x(), data.labels(), settings.folds(), settings.classifier(), settings.seed());
    }

    public Outcome crossValidate(LabelledFeatures data) {
        CrossValidatedScores cv = outOfFoldScores(data);
        DetectabilityMetrics m = DetectabilityMetrics.ofCrossValidated(cv.scores(), data.labels(), settings.fpr());
        return new Outcome(m, cv, data);
    }

    public Outcome run(ImageSource real, ImageSource fake) {
        return crossValidate(features(real, fake, null));
    }

    /** The protocol repeated under each perturbation (applied to real and generated images alike). */
    public List<RobustnessPoint> robustness(ImageSource real, ImageSource fake, List<Perturbation> perturbations) {
        List<RobustnessPoint> out = new ArrayList<>();
        for (Perturbation p : perturbations) {
            out.add(new RobustnessPoint(p.kind(), p.strength(), crossValidate(features(real, fake, p)).metrics()));
        }
        return out;
    }

    /**
     * The scores of a transfer test: a detector trained on a seeded half of the real rows and of generator A's rows
     * scores the held-out halves ({@code within}) and the held-out real half with all of generator B's rows
     * ({@code across}); each test set is real rows then generated rows, in row order.
     *
     * @param realTest  row indices of the held-out real images
     * @param fakeATest row indices of the held-out images of generator A
     */
    public record TransferScores(int[] realTest, int[] fakeATest, double[] within, double[] across, int nTrainReal, int nTrainFake) {
        /** Labels (1 = generated) of {@link #within}. */
        public int[] withinLabels() {
            return labels(realTest.length, fakeATest.length);
        }

        /** Labels (1 = generated) of {@link #across}. */
        public int[] acrossLabels() {
            return labels(realTest.length, across.length - realTest.length);
        }

        private static int[] labels(int real, int fake) {
            int[] y = new int[real + fake];
            java.util.Arrays.fill(y, real, y.length, 1);
            return y;
        }
    }

    /** Cross-generator transfer from feature rows of real images, generator A and generator B. */
    public CrossGenerator crossGenerator(double[][] real, double[][] fakeA, double[][] fakeB) {
        TransferScores t = transferScores(real, fakeA, fakeB);
        DetectabilityMetrics mw = DetectabilityMetrics.of(t.within(), t.withinLabels(), settings.fpr(), settings.resamples(), settings.seed());
        DetectabilityMetrics ma = DetectabilityMetrics.of(t.across(), t.acrossLabels(), settings.fpr(), settings.resamples(), settings.seed());
        return new CrossGenerator(mw, ma, DeLong.unpaired(t.within(), t.withinLabels(), t.across(), t.acrossLabels()), t.nTrainReal(), t.nTrainFake());
    }

    /** The scores of the transfer test (see {@link TransferScores}). */
    public TransferScores transferScores(double[][] real, double[][] fakeA, double[][] fakeB) {
        Random r = new Random(settings.seed() + 7);
        boolean[] realTrain = halves(real.length, r);
        boolean[] aTrain = halves(fakeA.length, r);
        List<double[]> trX = new ArrayList<>();
        List<Integer> trY = new ArrayList<>(), realTest = new ArrayList<>(), aTest = new ArrayList<>();
        split(real, realTrain, 0, trX, trY, realTest);
        split(fakeA, aTrain, 1, trX, trY, aTest);
        int nTrainReal = (int) trY.stream().filter(v -> v == 0).count();
        TrainedDetector d = TrainedDetector.fit(trX.toArray(new double[0][]), trY.stream().mapToInt(Integer::intValue).toArray(),
                settings.classifier(), settings.seed());
        double[][] realRows = realTest.stream().map(i -> real[i]).toArray(double[][]::new);
        double[][] aRows = aTest.stream().map(i -> fakeA[i]).toArray(double[][]::new);
        double[] sw = d.score(LabelledFeatures.of(realRows, aRows).x()), sa = d.score(LabelledFeatures.of(realRows, fakeB).x());
        return new TransferScores(realTest.stream().mapToInt(Integer::intValue).toArray(), aTest.stream().mapToInt(Integer::intValue).toArray(),
                sw, sa, nTrainReal, trX.size() - nTrainReal);
    }

    /** Rows marked for training go to {@code trX} with {@code label}; the indices of the others to {@code test}. */
    private static void split(double[][] rows, boolean[] train, int label, List<double[]> trX, List<Integer> trY, List<Integer> test) {
        for (int i = 0; i < rows.length; i++) {
            if (train[i]) {
                trX.add(rows[i]);
                trY.add(label);
            } else {
                test.add(i);
            }
        }
    }

    /** A seeded random half (rounded down) of {@code n} indices marked true. */
    private static boolean[] halves(int n, Random r) {
        if (n < 4) throw new IllegalArgumentException("cross-generator test needs at least 4 images per set, got " + n);
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < n; i++) idx.add(i);
        java.util.Collections.shuffle(idx, r);
        boolean[] t = new boolean[n];
        for (int i = 0; i < n / 2; i++) t[idx.get(i)] = true;
        return t;
    }
}
