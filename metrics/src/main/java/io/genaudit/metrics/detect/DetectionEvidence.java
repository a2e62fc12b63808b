package io.genaudit.metrics.detect;

import io.genaudit.engine.Progress;
import io.genaudit.engine.image.ImageSource;
import io.genaudit.metrics.detect.DetectionInput.Label;
import io.genaudit.metrics.detect.DetectionInput.LabelledScore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The detector work behind {@code detectability}, shared by the plan and command-line inputs: extracts features,
 * trains and scores detectors (stratified k-fold, a saved fixed detector, the cross-generator transfer detector),
 * surveys the generated files' marks, and sends what it finds to the metric as {@link DetectionInput} batches.
 * Counts the images it processed for the run's phase record.
 */
public final class DetectionEvidence {
    private final DetectabilityStudy study;
    private final Consumer<? super DetectionInput> sink;
    private long images;

    /** Evidence for {@code sink}, produced with {@code study}'s features, classifier, folds, seed and batch size. */
    public DetectionEvidence(DetectabilityStudy study, Consumer<? super DetectionInput> sink) {
        this.study = study;
        this.sink = sink;
    }

    /** Images run through feature extraction or a detector so far. */
    public long images() {
        return images;
    }

    /**
     * Out-of-fold scores of {@code generator}'s images against the real images (the headline) and the class sums of
     * the spectrum profile; returns the feature rows for {@link #transfer}.
     */
    public LabelledFeatures crossValidated(String generator, ImageSource real, ImageSource fake) {
        return crossValidated(generator, study.features(real, fake, null));
    }

    /** {@link #crossValidated(String, ImageSource, ImageSource)} from feature rows extracted elsewhere (Spark executors); returns {@code data}. */
    public LabelledFeatures crossValidated(String generator, LabelledFeatures data) {
        images += data.x().length;
        sendScores(ScoreSet.headline(ScoreSet.Scoring.OUT_OF_FOLD, generator), study.outOfFoldScores(data).scores(), data.nReal());
        SpectralFeatures f = study.settings().features();
        if (f.radialBins() > 0) {
            int[] c = f.spectrumColumns();
            sink.accept(new DetectionInput.SpectrumSums(Label.REAL, data.classSum(0, c[0], c[1]), data.nReal()));
            sink.accept(new DetectionInput.SpectrumSums(Label.GENERATED, data.classSum(1, c[0], c[1]), data.nFake()));
        }
        return data;
    }

    /** The cross-validated protocol repeated under each perturbation (applied to real and generated images alike). */
    public void perturbedCrossValidated(ImageSource real, ImageSource fake, List<Perturbation> perturbations) {
        for (int i = 0; i < perturbations.size(); i++) perturbedCrossValidated(i, perturbations.get(i), study.features(real, fake, perturbations.get(i)));
    }

    /** The cross-validated protocol on the feature rows of the images after the {@code order}-th perturbation {@code p}, extracted elsewhere. */
    public void perturbedCrossValidated(int order, Perturbation p, LabelledFeatures data) {
        images += data.x().length;
        sendScores(ScoreSet.perturbed(ScoreSet.Scoring.OUT_OF_FOLD, order, p), study.outOfFoldScores(data).scores(), data.nReal());
    }

    /**
     * The {@code order}-th cross-generator test: a detector trained on half of {@code data} (real vs {@code trainedOn})
     * scores the held-out halves and the held-out real half against {@code other}'s images.
     */
    public void transfer(LabelledFeatures data, String trainedOn, int order, String other, ImageSource otherImages) {
        double[][] otherRows = study.rows(otherImages, null, other);
        images += otherRows.length;
        double[][] realRows = Arrays.copyOfRange(data.x(), 0, data.nReal());
        double[][] fakeRows = Arrays.copyOfRange(data.x(), data.nReal(), data.x().length);
        DetectabilityStudy.TransferScores t = study.transferScores(realRows, fakeRows, otherRows);
        ScoreSet within = new ScoreSet(ScoreSet.Role.TRANSFER_WITHIN, ScoreSet.Scoring.FIXED_DETECTOR, 0, trainedOn, 0, t.nTrainReal(), t.nTrainFake());
        ScoreSet across = new ScoreSet(ScoreSet.Role.TRANSFER_ACROSS, ScoreSet.Scoring.FIXED_DETECTOR, order, other, 0, 0, 0);
        List<LabelledScore> w = new ArrayList<>(), a = new ArrayList<>();
        for (int i = 0; i < t.realTest().length; i++) {
            w.add(new LabelledScore(Label.REAL, t.realTest()[i], t.within()[i]));
            a.add(new LabelledScore(Label.REAL, t.realTest()[i], t.across()[i]));
        }
        for (int i = 0; i < t.fakeATest().length; i++) w.add(new LabelledScore(Label.GENERATED, t.fakeATest()[i], t.within()[t.realTest().length + i]));
        for (int i = t.realTest().length; i < t.across().length; i++) a.add(new LabelledScore(Label.GENERATED, i - t.realTest().length, t.across()[i]));
        sink.accept(new DetectionInput.Scores(within, w));
        sink.accept(new DetectionInput.Scores(across, a));
    }

    /** A fixed detector's scores of the real and generated images, clean (the headline) and under each perturbation. */
    public void fixedDetector(ImageDetector detector, String generator, ImageSource real, ImageSource fake, List<Perturbation> perturbations) {
        long seed = study.settings().seed();
        int batch = study.settings().batchSize();
        fixedDetectorScores(generator, -1, null, detector.score(real, null, seed, batch, Progress.NONE), detector.score(fake, null, seed, batch, Progress.NONE));
        for (int i = 0; i < perturbations.size(); i++) {
            Perturbation p = perturbations.get(i);
            fixedDetectorScores(generator, i, p, detector.score(real, p, fixedDetectorSeed(seed, Label.REAL), batch, Progress.NONE),
                    detector.score(fake, p, fixedDetectorSeed(seed, Label.GENERATED), batch, Progress.NONE));
        }
    }

    /** The seed of a fixed detector's perturbations of the images of {@code label} under run seed {@code seed}. */
    public static long fixedDetectorSeed(long seed, Label label) {
        return label == Label.REAL ? seed : seed + 1;
    }

    /**
     * A fixed detector's scores of the real and generated images computed elsewhere (Spark executors): the headline
     * when {@code p} is null, else the {@code order}-th perturbed set.
     */
    public void fixedDetectorScores(String generator, int order, Perturbation p, double[] real, double[] fake) {
        sendClasses(p == null ? ScoreSet.headline(ScoreSet.Scoring.FIXED_DETECTOR, generator) : ScoreSet.perturbed(ScoreSet.Scoring.FIXED_DETECTOR, order, p),
                real, fake);
    }

    /** The synthetic-origin marks of the image files in {@code folder} and their survival under edits. */
    public void marks(Path folder) {
        MarkingSurvey survey = MarkingSurvey.of(folder);
        marks(survey.images().stream().map(MarkedFile::of).toList(), MarkRobustness.of(survey));
    }

    /** Mark findings and their survival under edits, surveyed elsewhere (Spark executors). */
    public void marks(List<MarkedFile> files, List<MarkRobustness> edits) {
        sink.accept(new DetectionInput.Marks(files, edits));
    }

    private void sendClasses(ScoreSet set, double[] real, double[] fake) {
        images += real.length + fake.length;
        double[] all = Arrays.copyOf(real, real.length + fake.length);
        System.arraycopy(fake, 0, all, real.length, fake.length);
        sendScores(set, all, real.length);
    }

    /** Scores of real images (the first {@code nReal}) then generated ones, each numbered from 0 in its class. */
    private void sendScores(ScoreSet set, double[] scores, int nReal) {
        List<LabelledScore> items = new ArrayList<>(scores.length);
        for (int i = 0; i < scores.length; i++) {
            items.add(i < nReal ? new LabelledScore(Label.REAL, i, scores[i]) : new LabelledScore(Label.GENERATED, i - nReal, scores[i]));
        }
        sink.accept(new DetectionInput.Scores(set, items));
    }
}
