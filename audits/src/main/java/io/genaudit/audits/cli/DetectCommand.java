package io.genaudit.audits.cli;

import io.genaudit.engine.InputException;
import io.genaudit.engine.Progress;
import io.genaudit.engine.image.ImageFolderSource;
import io.genaudit.engine.image.ImageGenerator;
import io.genaudit.engine.image.gan.DcganModel;
import io.genaudit.engine.image.vae.VaeModel;
import io.genaudit.engine.image.ImageSource;
import io.genaudit.metrics.detect.DetectabilityMetrics;
import io.genaudit.metrics.detect.DetectabilitySettings;
import io.genaudit.metrics.detect.DetectabilityStudy;
import io.genaudit.metrics.detect.DetectabilitySummary;
import io.genaudit.metrics.detect.DetectorClassifier;
import io.genaudit.metrics.detect.CommonImageSize;
import io.genaudit.metrics.detect.FirstImages;
import io.genaudit.metrics.detect.ImageDetector;
import io.genaudit.metrics.detect.FixedFprThreshold;
import io.genaudit.audits.modules.MarkingSection;
import io.genaudit.metrics.detect.MarkRobustness;
import io.genaudit.metrics.detect.MarkingSurvey;
import io.genaudit.metrics.detect.Perturbation;
import io.genaudit.metrics.detect.SpectralFeatures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code genaudit detect --real DIR --fake DIR}: how easily generated images are told from real ones — cross-validated
 * spectral detector (or a saved fixed detector at a fixed FPR), with AUC, AP, EER, TPR at 1% FPR, optional robustness
 * sweep and the share of generated files carrying a synthetic-origin mark. Prints a summary; {@code --json} writes it.
 */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = "Deepfake detectability: how easily generated images are told from real ones (AUC, AP, EER, TPR@1%FPR).")
public final class DetectCommand implements GenauditSubcommand, Callable<Integer> {
    @Option(names = "--real", required = true, paramLabel = "DIR", description = "Folder of real images (PNG/JPEG).")
    Path real;

    @Option(names = "--fake", required = true, paramLabel = "DIR|MODEL",
            description = "Folder of the model's generated images, or a built-in model folder (DCGAN/VAE, with model.json) to sample --samples images from.")
    Path fake;

    @Option(names = "--folds", paramLabel = "K", description = "Cross-validation folds (default 5).")
    int folds = 5;

    @Option(names = "--classifier", description = "logistic, svm or gbt (default logistic).")
    String classifier = "logistic";

    @Option(names = "--features", description = "Feature parts, e.g. fft:32,dct:8,pixel (the default).")
    String features = SpectralFeatures.defaults().spec();

    @Option(names = "--samples", paramLabel = "N", description = "Use at most N images of each folder (default: all; 500 samples from a model).")
    Integer samples;

    @Option(names = "--fpr", description = "False-positive rate for TPR and the fixed-detector threshold (default 0.01).")
    double fpr = 0.01;

    @Option(names = "--detector", paramLabel = "FILE", description = "A fixed detector: a .json saved by 'genaudit train detector', or a TorchScript .pt / ONNX .onnx network ([B,3,H,W] in [0,1] -> [B,1] or [B,2]); scored at --fpr instead of cross-validating.")
    Path detector;

    @Option(names = "--robustness", paramLabel = "SPEC", description = "Perturbations, e.g. 'jpeg=90,75,50;downscale=0.5;noise=0.02'.")
    String robustness;

    @Option(names = "--bootstrap", description = "Bootstrap resamples for the AUC interval (default 1000).")
    int bootstrap = 1000;

    @Option(names = "--seed", description = "Seed for folds, bootstrap and noise (default 0).")
    long seed = 0;

    @Option(names = "--json", paramLabel = "OUT", description = "Write the result as JSON.")
    Path json;

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        DetectabilitySettings settings;
        List<Perturbation> perturbations;
        try {
            settings = new DetectabilitySettings(SpectralFeatures.parse(features), DetectorClassifier.parse(classifier), folds, fpr, bootstrap, seed, 64);
            perturbations = parseRobustness(robustness);
        } catch (IllegalArgumentException e) {
            throw new InputException("command line", e.getMessage());
        }
        if (!Files.isDirectory(fake)) {
            throw new InputException(fake, "a folder of generated images or a built-in model folder (with model.json) expected");
        }
        ImageGenerator generator = Files.exists(fake.resolve("model.json")) ? loadModel(fake) : null;
        try {
            return evaluate(t0, settings, perturbations, generator);
        } finally {
            if (generator != null) generator.close();
        }
    }

    /** Loads a DCGAN or VAE model folder written by {@code genaudit train}. */
    private static ImageGenerator loadModel(Path dir) throws Exception {
        String arch = String.valueOf(io.genaudit.engine.image.nn.ModelFolder.readJson(dir.resolve("model.json")).get("architecture"));
        return switch (arch) {
            case "dcgan" -> DcganModel.load(dir);
            case "vae" -> VaeModel.load(dir);
            default -> throw new InputException(dir.resolve("model.json"), "architecture '" + arch + "' cannot be sampled here; expected dcgan or vae");
        };
    }

    private int evaluate(long t0, DetectabilitySettings settings, List<Perturbation> perturbations, ImageGenerator generator) throws Exception {
        ImageFolderSource realFolder = ImageFolderSource.open(real, 3);
        ImageFolderSource fakeFolder = generator == null ? ImageFolderSource.open(fake, 3) : null;
        int fh = generator == null ? fakeFolder.height() : generator.height();
        int fw = generator == null ? fakeFolder.width() : generator.width();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("metric", "detectability");
        ImageSource r0 = samples == null ? realFolder : new FirstImages(realFolder, samples);
        ImageSource f0 = generator != null ? generator.samples(samples == null ? 500 : samples, seed)
                : samples == null ? fakeFolder : new FirstImages(fakeFolder, samples);
        CommonImageSize common = CommonImageSize.of(r0, realFolder.height(), realFolder.width(), f0, fh, fw);
        if (!common.note().isEmpty()) {
            out.put("resize", common.note());
            System.err.println("genaudit: note: " + common.note());
        }
        ImageSource r = common.real();
        ImageSource f = common.fake();
        Progress.Factory progress = ConsoleProgress.factory();
        DetectabilityMetrics m;
        List<DetectabilityStudy.RobustnessPoint> robust = new ArrayList<>();
        if (detector != null) {
            try (ImageDetector det = ImageDetector.load(detector)) {
                double[] rs = det.score(r, null, seed, settings.batchSize(), Progress.NONE);
                double[] fs = det.score(f, null, seed, settings.batchSize(), Progress.NONE);
                m = DetectabilityMetrics.ofClasses(rs, fs, fpr, bootstrap, seed);
                FixedFprThreshold gate = FixedFprThreshold.evaluate(rs, fs, fpr);
                out.putAll(DetectabilitySummary.of(m));
                out.put("mode", "fixed detector");
                out.put("detector", detector.toString());
                out.put("detection_rate", gate.detectionRate());
                out.put("detection_rate_ci", List.of(gate.detectionCi().low(), gate.detectionCi().high()));
                out.put("threshold", gate.threshold());
                out.put("calibration_fpr", gate.achievedFpr());
                out.put("detector_description", det.describe());
                for (Perturbation p : perturbations) {
                    robust.add(new DetectabilityStudy.RobustnessPoint(p.kind(), p.strength(), DetectabilityMetrics.ofClasses(
                            det.score(r, p, seed, 64, Progress.NONE), det.score(f, p, seed + 1, 64, Progress.NONE), fpr, bootstrap, seed)));
                }
            }
        } else {
            DetectabilityStudy study = new DetectabilityStudy(settings, progress);
            m = study.run(r, f).metrics();
            out.putAll(DetectabilitySummary.of(m));
            out.put("mode", "cross-validation");
            out.put("detection_rate", m.tprAtFpr());
            out.putAll(DetectabilitySummary.settings(settings));
            robust.addAll(study.robustness(r, f, perturbations));
        }
        if (!robust.isEmpty()) {
            List<Map<String, Object>> rd = new ArrayList<>();
            for (var p : robust) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("perturbation", p.kind());
                e.put("strength", p.strength());
                e.putAll(DetectabilitySummary.of(p.metrics()));
                rd.add(e);
            }
            out.put("robustness", rd);
        }
        MarkingSurvey marks = generator == null ? MarkingSurvey.of(fake) : null;
        if (marks != null) {
            out.putAll(MarkingSection.details(marks, MarkRobustness.of(marks)));
        }
        out.put("real", r.describe());
        out.put("fake", f.describe());
        out.put("seconds", (System.nanoTime() - t0) / 1e9);

        System.out.printf(Locale.ROOT, "detectability: AUC %.3f [%.3f, %.3f] (bootstrap), AP %.3f, EER %.3f, TPR@1%%FPR %.3f, accuracy@EER %.3f; n real %d, n generated %d%n",
                m.auc(), m.aucCi().low(), m.aucCi().high(), m.ap(), m.eer(), m.roc().tprAtFpr(0.01), m.accuracyAtEer(), m.nReal(), m.nFake());
        if (detector != null) System.out.printf(Locale.ROOT, "detection rate at %.2f%% FPR: %.3f%n", 100 * fpr, (double) out.get("detection_rate"));
        for (var p : robust) System.out.printf(Locale.ROOT, "  %s %s: AUC %.3f [%.3f, %.3f]%n", p.kind(), p.strength(), p.metrics().auc(), p.metrics().aucCi().low(), p.metrics().aucCi().high());
        if (marks != null) {
            System.out.printf(Locale.ROOT, "synthetic-origin marks: %d of %d generated files (%.1f%%); C2PA manifests %d, valid C2PA signatures %d%n",
                    marks.marked(), marks.files(), 100 * marks.share(), marks.c2pa(), marks.validSignature());
        } else {
            System.out.println("synthetic-origin marks: not checked (samples generated in memory)");
        }
        if (json != null) {
            JsonOutput.write(json, out);
        }
        return ExitCodes.OK;
    }

    /** Parses {@code jpeg=90,75;downscale=0.5;noise=0.02}. */
    static List<Perturbation> parseRobustness(String spec) {
        List<Perturbation> out = new ArrayList<>();
        if (spec == null || spec.isBlank()) return out;
        for (String part : spec.split(";")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2) throw new IllegalArgumentException("--robustness: '" + part + "' is not KIND=V1,V2 (e.g. jpeg=90,75)");
            for (String v : kv[1].split(",")) {
                try {
                    out.add(Perturbation.of(kv[0].trim(), Double.parseDouble(v.trim())));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--robustness: '" + v + "' is not a number");
                }
            }
        }
        return out;
    }
}
