package io.genaudit.audits.modules;

import io.genaudit.audits.AuditContext;
import io.genaudit.audits.AuditModule;
import io.genaudit.audits.AuditSpec;
import io.genaudit.audits.DatasetRef;
import io.genaudit.audits.Params;
import io.genaudit.audits.plan.PlanException;
import io.genaudit.engine.Progress;
import io.genaudit.engine.image.ImageFolderSource;
import io.genaudit.engine.image.ImageGenerator;
import io.genaudit.engine.image.ImageSource;
import io.genaudit.metrics.detect.CommonImageSize;
import io.genaudit.metrics.detect.DetectabilityMetrics;
import io.genaudit.metrics.detect.DetectabilitySettings;
import io.genaudit.metrics.detect.DetectabilityStudy;
import io.genaudit.metrics.detect.DetectabilitySummary;
import io.genaudit.metrics.detect.DetectorClassifier;
import io.genaudit.metrics.detect.FirstImages;
import io.genaudit.metrics.detect.FixedDetector;
import io.genaudit.metrics.detect.ImageDetector;
import io.genaudit.metrics.detect.FixedFprThreshold;
import io.genaudit.metrics.detect.LabelledFeatures;
import io.genaudit.metrics.detect.MarkRobustness;
import io.genaudit.metrics.detect.MarkingSurvey;
import io.genaudit.metrics.detect.Perturbation;
import io.genaudit.metrics.detect.SpectralFeatures;
import io.genaudit.reports.AuditResult;
import io.genaudit.reports.Chart;
import io.genaudit.values.Interval;
import io.genaudit.reports.Table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code metric: detectability}: how easily a generator's outputs are told from real images. Hand-crafted frequency
 * features (Durall's azimuthal spectrum, Frank's log-DCT, pixel statistics) feed a classifier evaluated by stratified
 * k-fold cross-validation (or a saved {@link FixedDetector} at a fixed false-positive rate, the release gate); reports
 * ROC AUC (headline, 0.5 = indistinguishable) with bootstrap and DeLong intervals, AP, EER, TPR at 1% FPR, the mean
 * spectra, robustness to JPEG/downscaling/noise, cross-generator transfer and synthetic-origin marks.
 */
public final class DetectabilityAudit implements AuditModule {

    @Override
    public Boolean higherIsBetter() {
        return true;
    }

    @Override
    public String metric() {
        return "detectability";
    }

    @Override
    public Set<String> parameters() {
        return Set.of("real", "fake", "generated", "samples", "folds", "classifier", "features", "robustness", "detector", "fpr",
                "crossGenerator", "bootstrap", "batchSize", "seed");
    }

    @Override
    public Set<String> datasetParameters() {
        return Set.of("real", "fake", "generated");
    }

    @Override
    public Set<String> modelParameters() {
        return Set.of("crossGenerator");
    }

    /** {@code fake} names the folder of generated images; {@code generated} is its older alias. */
    @Override
    public List<String> samplesParameters() {
        return List.of("fake", "generated");
    }

    @Override
    public Set<String> gateFields() {
        return Set.of("auc", "ap", "eer", "tpr_at_1pct_fpr", "tpr_at_fpr", "detection_rate", "accuracy_at_eer", "marked_share",
                "c2pa_share", "valid_signature_share");
    }

    private static PlanException bad(AuditSpec spec, String key, String msg) {
        return new PlanException(spec.planFile(), spec.params().prefix() + "." + key, msg);
    }

    @Override
    public List<AuditResult> run(AuditContext ctx, AuditSpec spec) throws Exception {
        Params p = spec.params();
        long seed = p.longParam("seed", ctx.seed());
        DetectabilitySettings settings = settings(spec, p, seed);
        String realId = p.stringParam("real", spec.data().isEmpty() ? null : spec.dataset());
        if (realId == null) throw bad(spec, "real", "a dataset id of real images is required (params.real or data:)");
        String generatedId = p.stringParam("fake", p.stringParam("generated", null));
        String modelId = spec.models().isEmpty() ? null : spec.model();
        if ((modelId == null) == (generatedId == null)) {
            throw bad(spec, "fake", "give either a model (model:) to sample or a dataset of its saved outputs (params.fake), not "
                    + (modelId == null ? "neither" : "both"));
        }
        String detectorPath = p.stringParam("detector", null);
        List<String> crossIds = crossGenerators(spec, p, modelId);
        if (detectorPath != null && p.has("crossGenerator")) throw bad(spec, "crossGenerator", "not available with a fixed detector (params.detector)");
        List<Perturbation> perturbations = DetectabilityRobustness.parse(p, spec.planFile());
        List<String> notes = new ArrayList<>();
        if (p.has("crossGenerator") && crossIds.isEmpty()) notes.add("crossGenerator names only this model, so it has no cross-generator test.");

        DatasetRef realRef = ctx.dataset(realId);
        ImageFolderSource realFolder = ImageFolderSource.open(realRef.path(), 3);
        int samples = p.intParam("samples", Math.min(realFolder.size(), 500));
        if (samples < 2 * settings.folds()) throw bad(spec, "samples", "at least " + 2 * settings.folds() + " expected for " + settings.folds() + " folds, got " + samples);
        ImageSource fake;
        int h, w;
        ImageFolderSource generatedFolder = null;
        if (generatedId != null) {
            generatedFolder = ImageFolderSource.open(ctx.dataset(generatedId).path(), 3);
            fake = new FirstImages(generatedFolder, samples);
            h = generatedFolder.height();
            w = generatedFolder.width();
        } else {
            ImageGenerator g = ctx.imageGenerator(modelId);
            fake = g.samples(samples, seed);
            h = g.height();
            w = g.width();
        }
        CommonImageSize common = CommonImageSize.of(new FirstImages(realFolder, samples), realFolder.height(), realFolder.width(), fake, h, w);
        if (!common.note().isEmpty()) notes.add(common.note());
        ImageSource real = common.real();
        fake = common.fake();
        h = common.height();
        w = common.width();
        if (real.size() < samples) notes.add("Only " + real.size() + " real images available (samples: " + samples + ").");

        Map<String, Object> details = new LinkedHashMap<>();
        List<Chart> charts = new ArrayList<>();
        List<Table> tables = new ArrayList<>();
        DetectabilityMetrics m;
        DetectabilityStudy study = new DetectabilityStudy(settings, ctx.progress());
        String model = modelId != null ? modelId : generatedId;
        List<DetectabilityStudy.RobustnessPoint> robust = new ArrayList<>();
        Map<String, Object> settingsOut = new LinkedHashMap<>(DetectabilitySummary.settings(settings));
        try (AuditContext.Phase ph = ctx.phase(spec.id() + " detectability", "evaluate", model)) {
            long images = 0;
            if (detectorPath != null) {
                Path file = resolve(spec.planFile(), detectorPath);
                ctx.recordFile("model", file);
                try (ImageDetector det = ImageDetector.load(file)) {
                    settingsOut = new LinkedHashMap<>();
                    settingsOut.put("mode", "fixed detector");
                    settingsOut.put("detector", det.describe());
                    settingsOut.put("detector_file", file.toString());
                    settingsOut.put("fpr", settings.fpr());
                    settingsOut.put("bootstrap_resamples", settings.resamples());
                    settingsOut.put("seed", seed);
                    double[] rs = det.score(real, null, seed, settings.batchSize(), Progress.NONE);
                    double[] fs = det.score(fake, null, seed, settings.batchSize(), Progress.NONE);
                    images += rs.length + fs.length;
                    m = metrics(rs, fs, settings);
                    FixedFprThreshold gate = FixedFprThreshold.evaluate(rs, fs, settings.fpr());
                    details.putAll(DetectabilitySummary.of(m));
                    details.put("detection_rate", gate.detectionRate());
                    details.put("detection_rate_ci", List.of(gate.detectionCi().low(), gate.detectionCi().high()));
                    details.put("threshold", gate.threshold());
                    details.put("calibration_fpr", gate.achievedFpr());
                    details.put("detector_provenance", det.provenance());
                    notes.add(String.format(Locale.ROOT, "Fixed detector: threshold set on the %d real images so that at most %.1f%% score above it "
                            + "(achieved %.2f%%); detection rate is the share of %d generated images above it. The interval covers the generated sample only.",
                            rs.length, 100 * settings.fpr(), 100 * gate.achievedFpr(), fs.length));
                    for (Perturbation pt : perturbations) {
                        double[] r2 = det.score(real, pt, seed, settings.batchSize(), Progress.NONE);
                        double[] f2 = det.score(fake, pt, seed + 1, settings.batchSize(), Progress.NONE);
                        images += r2.length + f2.length;
                        robust.add(new DetectabilityStudy.RobustnessPoint(pt.kind(), pt.strength(), metrics(r2, f2, settings)));
                    }
                }
            } else {
                settingsOut.put("mode", "cross-validation");
                LabelledFeatures data = study.features(real, fake, null);
                images += data.x().length;
                DetectabilityStudy.Outcome o = study.crossValidate(data);
                m = o.metrics();
                details.putAll(DetectabilitySummary.of(m));
                details.put("detection_rate", m.tprAtFpr());
                notes.add("Scores are out-of-fold: each image was scored by a detector trained without it (stratified " + settings.folds()
                        + "-fold). Each fold's images also train the detectors that score the other folds, which makes the AUC vary more "
                        + "than a fixed detector's would, so the AUC interval is DeLong's with its variance doubled (coverage checked on real-vs-real "
                        + "and weak-signal splits in bench/detect). 'ROC AUC (DeLong)' is the fixed-scores interval.");
                SpectralFeatures f = settings.features();
                if (f.radialBins() > 0) {
                    int[] c = f.spectrumColumns();
                    double[] mr = data.classMean(0, c[0], c[1]), mf = data.classMean(1, c[0], c[1]);
                    charts.add(DetectabilityCharts.spectra(mr, mf, "Mean azimuthal log power spectrum (generator fingerprint)",
                            "radial frequency (0 = DC, 1 = corner)", "mean log power"));
                    details.put("mean_spectrum_real", mr);
                    details.put("mean_spectrum_generated", mf);
                }
                images += (long) perturbations.size() * data.x().length;
                robust.addAll(study.robustness(real, fake, perturbations));
                if (!crossIds.isEmpty()) {
                    double[][] realRows = Arrays.copyOfRange(data.x(), 0, data.nReal());
                    double[][] fakeRows = Arrays.copyOfRange(data.x(), data.nReal(), data.x().length);
                    List<Map.Entry<String, DetectabilityStudy.CrossGenerator>> transfers = new ArrayList<>();
                    for (String crossId : crossIds) {
                        ImageGenerator other = ctx.imageGenerator(crossId);
                        if (other.height() != h || other.width() != w) {
                            throw bad(spec, "crossGenerator", "model '" + crossId + "' makes " + other.height() + "x" + other.width()
                                    + " images but '" + model + "' makes " + h + "x" + w);
                        }
                        double[][] otherRows = study.rows(other.samples(samples, seed + 1), null, crossId);
                        images += otherRows.length;
                        transfers.add(Map.entry(crossId, study.crossGenerator(realRows, fakeRows, otherRows)));
                    }
                    DetectabilityCrossGenerator.report(transfers, model, details, tables, charts, notes);
                }
            }
            ph.units("images", images);
        }
        charts.add(0, DetectabilityCharts.roc(m, "ROC: real vs " + model));
        if (!robust.isEmpty()) {
            charts.addAll(DetectabilityCharts.robustness(robust, m.auc()));
            tables.add(robustnessTable(robust));
            List<Map<String, Object>> rd = new ArrayList<>();
            for (var r : robust) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("perturbation", r.kind());
                e.put("strength", r.strength());
                e.putAll(DetectabilitySummary.of(r.metrics()));
                rd.add(e);
            }
            details.put("robustness", rd);
        }
        tables.add(0, metricsTable(m));
        if (generatedFolder != null) {
            MarkingSurvey ms = MarkingSurvey.of(ctx.dataset(generatedId).path());
            List<MarkRobustness> markRobustness = MarkRobustness.of(ms);
            details.putAll(MarkingSection.details(ms, markRobustness));
            tables.addAll(MarkingSection.tables(ms, markRobustness));
            notes.addAll(MarkingSection.notes(ms));
        } else {
            notes.add("Synthetic-origin marks not checked: the samples were generated in memory. Pass the model's saved outputs as params.fake to check them.");
        }
        settingsOut.put("samples", samples);
        settingsOut.put("real", real.describe());
        settingsOut.put("generated", fake.describe());
        settingsOut.put("image_size", h + "x" + w);
        Interval ci = m.aucCi();
        return List.of(new AuditResult(spec.id(), metric(), model, realId, m.auc(), null, ci, (long) (m.nReal() + m.nFake()),
                settingsOut, null, details, charts, null, tables, notes));
    }

    private static DetectabilityMetrics metrics(double[] realScores, double[] fakeScores, DetectabilitySettings s) {
        return DetectabilityMetrics.ofClasses(realScores, fakeScores, s.fpr(), s.resamples(), s.seed());
    }

    private static DetectabilitySettings settings(AuditSpec spec, Params p, long seed) {
        SpectralFeatures features;
        try {
            features = SpectralFeatures.parse(p.stringParam("features", SpectralFeatures.defaults().spec()));
        } catch (IllegalArgumentException e) {
            throw bad(spec, "features", e.getMessage());
        }
        DetectorClassifier c = DetectorClassifier.parse(p.choiceParam("classifier", "logistic", "logistic", "svm", "gbt"));
        try {
            return new DetectabilitySettings(features, c, p.intParam("folds", 5), p.doubleParam("fpr", 0.01),
                    p.intParam("bootstrap", 1000), seed, p.intParam("batchSize", 64));
        } catch (IllegalArgumentException e) {
            throw new PlanException(spec.planFile(), p.prefix(), e.getMessage());
        }
    }

    private static Path resolve(String planFile, String path) {
        Path f = Path.of(path);
        if (f.isAbsolute() || planFile == null) return f;
        Path parent = Path.of(planFile).toAbsolutePath().getParent();
        return parent == null ? f : parent.resolve(f);
    }

    /**
     * The models named by {@code crossGenerator} (an id or a list of ids) other than the audited one, so that
     * {@code model: [gan, vae]} with {@code crossGenerator: [gan, vae]} tests gan's detector on vae and vae's on gan.
     */
    private static List<String> crossGenerators(AuditSpec spec, Params p, String audited) {
        Object v = p.values().get("crossGenerator");
        if (v == null) return List.of();
        List<?> ids = v instanceof List<?> l ? l : List.of(v);
        List<String> out = new ArrayList<>();
        for (Object o : ids) {
            if (!(o instanceof String id) || id.isEmpty()) throw bad(spec, "crossGenerator", "a model id or a list of model ids expected, got '" + o + "'");
            if (!id.equals(audited) && !out.contains(id)) out.add(id);
        }
        return out;
    }

    private static Table metricsTable(DetectabilityMetrics m) {
        return new Table("Detectability (generated = positive class)", List.of("metric", "value", "95% CI", "how"), List.of(
                List.of("ROC AUC", f3(m.auc()), "[" + f3(m.aucCi().low()) + ", " + f3(m.aucCi().high()) + "]", m.aucCi().method()),
                List.of("ROC AUC (DeLong)", f3(m.auc()), "[" + f3(m.aucCiDeLong().low()) + ", " + f3(m.aucCiDeLong().high()) + "]", m.aucCiDeLong().method()),
                List.of("average precision", f3(m.ap()), "", "scikit-learn definition"),
                List.of("equal error rate", f3(m.eer()), "", "FPR where |FNR - FPR| is smallest"),
                List.of("accuracy at EER threshold", f3(m.accuracyAtEer()), "", "threshold " + f3(m.eerThreshold())),
                List.of("TPR at 1% FPR", f3(m.roc().tprAtFpr(0.01)), "", "best operating point with FPR <= 1%"),
                List.of("n real / n generated", m.nReal() + " / " + m.nFake(), "", "")));
    }

    private static Table robustnessTable(List<DetectabilityStudy.RobustnessPoint> pts) {
        List<List<String>> rows = new ArrayList<>();
        for (var r : pts) {
            DetectabilityMetrics m = r.metrics();
            rows.add(List.of(r.kind(), String.valueOf(r.strength()), f3(m.auc()), "[" + f3(m.aucCi().low()) + ", " + f3(m.aucCi().high()) + "]",
                    f3(m.ap()), f3(m.eer()), f3(m.roc().tprAtFpr(0.01))));
        }
        return new Table("Robustness (perturbation applied to real and generated images alike)",
                List.of("perturbation", "strength", "AUC", "95% CI", "AP", "EER", "TPR at 1% FPR"), rows);
    }

    private static String f3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
