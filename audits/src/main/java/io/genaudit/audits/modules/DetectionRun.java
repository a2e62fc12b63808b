package io.genaudit.audits.modules;

import io.genaudit.engine.Progress;
import io.genaudit.engine.image.ImageSource;
import io.genaudit.metrics.detect.CommonImageSize;
import io.genaudit.metrics.detect.DetectabilitySettings;
import io.genaudit.metrics.detect.DetectabilityStudy;
import io.genaudit.metrics.detect.DetectionEvidence;
import io.genaudit.metrics.detect.DetectionInput;
import io.genaudit.metrics.detect.ImageDetector;
import io.genaudit.metrics.detect.LabelledFeatures;
import io.genaudit.metrics.detect.MarkRobustness;
import io.genaudit.metrics.detect.MarkedFile;
import io.genaudit.metrics.detect.Perturbation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The steps of one {@code detectability} input run, shared by the plan ({@link DetectionInputs}) and command-line
 * inputs: bring real and generated images to one size, score them (cross-validated detector or a saved fixed one,
 * perturbations, cross-generator transfer), survey the generated files' marks, and keep the settings and notes that
 * describe the inputs. The metric gets the scores and findings through the sink.
 */
public final class DetectionRun {
    private final DetectabilitySettings settings;
    private final DetectionEvidence evidence;
    private final Map<String, Object> described = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, Object> inputSettings = new LinkedHashMap<>();
    private CommonImageSize sized;

    /** A run scoring with {@code settings}' detector, reporting progress to {@code progress}, sending batches to {@code sink}. */
    public DetectionRun(DetectabilitySettings settings, Progress.Factory progress, Consumer<? super DetectionInput> sink) {
        this.settings = settings;
        this.evidence = new DetectionEvidence(new DetectabilityStudy(settings, progress), sink);
    }

    /** Step 1: the real and generated images at one size (larger generated images downscaled, never real ones upscaled). */
    public void images(ImageSource realImages, int realHeight, int realWidth, ImageSource generated, int generatedHeight, int generatedWidth) {
        sized = CommonImageSize.of(realImages, realHeight, realWidth, generated, generatedHeight, generatedWidth);
        if (!sized.note().isEmpty()) notes.add(sized.note());
    }

    /** Step 2a: a saved detector's scores at its fixed operating point, clean and under each perturbation. */
    public void fixedDetector(Path file, String generator, List<Perturbation> perturbations) {
        try (ImageDetector det = ImageDetector.load(file)) {
            describeFixed(det, file);
            evidence.fixedDetector(det, generator, sized.real(), sized.fake(), perturbations);
        }
    }

    /**
     * Step 2a with the scores computed elsewhere (Spark executors) by {@code det} loaded from {@code file}: {@code real[0]}
     * and {@code fake[0]} clean, {@code [i + 1]} under the i-th perturbation.
     */
    public void fixedDetectorScores(ImageDetector det, Path file, String generator, List<Perturbation> perturbations, double[][] real, double[][] fake) {
        describeFixed(det, file);
        evidence.fixedDetectorScores(generator, -1, null, real[0], fake[0]);
        for (int i = 0; i < perturbations.size(); i++) evidence.fixedDetectorScores(generator, i, perturbations.get(i), real[i + 1], fake[i + 1]);
    }

    private void describeFixed(ImageDetector det, Path file) {
        described.put("mode", "fixed detector");
        described.put("detector", det.describe());
        described.put("detector_file", file.toString());
        if (!det.provenance().isEmpty()) described.put("detector_provenance", det.provenance());
    }

    /** Step 2b: the cross-validated detector's out-of-fold scores, clean and under each perturbation; returns the features for transfers. */
    public LabelledFeatures crossValidated(String generator, List<Perturbation> perturbations) {
        describeCrossValidation();
        LabelledFeatures data = evidence.crossValidated(generator, sized.real(), sized.fake());
        evidence.perturbedCrossValidated(sized.real(), sized.fake(), perturbations);
        return data;
    }

    /**
     * Step 2b with the feature rows extracted elsewhere (Spark executors): {@code features[0]} clean, {@code [i + 1]}
     * under the i-th perturbation; returns the clean rows.
     */
    public LabelledFeatures crossValidated(String generator, List<Perturbation> perturbations, List<LabelledFeatures> features) {
        describeCrossValidation();
        LabelledFeatures data = evidence.crossValidated(generator, features.get(0));
        for (int i = 0; i < perturbations.size(); i++) evidence.perturbedCrossValidated(i, perturbations.get(i), features.get(i + 1));
        return data;
    }

    private void describeCrossValidation() {
        described.put("mode", "cross-validation");
        described.put("features", settings.features().spec());
        described.put("feature_dimension", settings.features().dimension());
        described.put("classifier", settings.classifier().id());
        described.put("folds", settings.folds());
    }

    /** Step 3 (optional): the {@code order}-th cross-generator test against {@code other}'s images. */
    public void transfer(LabelledFeatures data, String trainedOn, int order, String other, ImageSource otherImages) {
        evidence.transfer(data, trainedOn, order, other, otherImages);
    }

    /** Step 4: the synthetic-origin marks of the generated files in {@code folder}, or null when they were generated in memory. */
    public void marks(Path folder) {
        if (folder != null) {
            evidence.marks(folder);
        } else {
            notes.add("Synthetic-origin marks not checked: the samples were generated in memory. Pass the model's saved outputs "
                    + "(params.fake, or a folder as --fake) to check them.");
        }
    }

    /** Step 4 with the marks surveyed elsewhere (Spark executors): the findings per file and their survival under edits. */
    public void marks(List<MarkedFile> files, List<MarkRobustness> edits) {
        evidence.marks(files, edits);
    }

    /** The real and generated images at their common height and width after step 1 (null before it). */
    public CommonImageSize sized() {
        return sized;
    }

    /** Images run through feature extraction or a detector. */
    public long images() {
        return evidence.images();
    }

    /** Records an input setting (e.g. the sample count) with the others. */
    public void setting(String key, Object value) {
        inputSettings.put(key, value);
    }

    /** Adds a caveat about the inputs. */
    public void note(String text) {
        notes.add(text);
    }

    /** What the inputs were: mode, detector or features/classifier/folds, the image sources and their size. */
    public Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>(described);
        if (sized != null) {
            s.put("real", sized.real().describe());
            s.put("generated", sized.fake().describe());
            s.put("image_size", sized.height() + "x" + sized.width());
        }
        s.put("batch_size", settings.batchSize());
        s.putAll(inputSettings);
        return s;
    }

    /** The caveats about the inputs found so far (resizing, too few images, marks not checked ...). */
    public List<String> notes() {
        return notes;
    }
}
