package io.genaudit.audits.cli;

import io.genaudit.audits.GenauditVersion;
import io.genaudit.engine.InputException;
import io.genaudit.engine.Progress;
import io.genaudit.engine.image.ImageFolderSource;
import io.genaudit.engine.image.ImageSource;
import io.genaudit.engine.io.Sha256;
import io.genaudit.metrics.detect.DetectabilityMetrics;
import io.genaudit.metrics.detect.DetectabilitySettings;
import io.genaudit.metrics.detect.DetectabilityStudy;
import io.genaudit.metrics.detect.DetectorClassifier;
import io.genaudit.metrics.detect.FirstImages;
import io.genaudit.metrics.detect.FixedDetector;
import io.genaudit.metrics.detect.LabelledFeatures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code genaudit train detector --real DIR --fake DIR --out FILE}: trains a linear spectral detector on all the given
 * images and saves it (features, standardisation, coefficients, provenance with data SHA-256s and its cross-validated
 * AUC) for fixed-FPR release gates ({@code genaudit detectability --detector FILE} or the plan parameter {@code detector}).
 */
@Command(name = "detector", mixinStandardHelpOptions = true,
        description = "Train a fixed real-vs-generated detector (spectral features + logistic regression) and save it as JSON.")
public final class TrainDetectorCommand implements TrainCommand.TrainSubcommand, Callable<Integer> {
    @Option(names = "--real", required = true, paramLabel = "DIR", description = "Folder of real images.")
    Path real;

    @Option(names = "--fake", required = true, paramLabel = "DIR", description = "Folder of generated images.")
    Path fake;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Detector file to write (JSON).")
    Path out;

    @Mixin
    DetectorOptions detector;

    @Option(names = "--seed", description = "Seed (default 0).")
    long seed = 0;

    @Override
    public Integer call() throws Exception {
        DetectabilitySettings settings;
        try {
            if (detector.classifier() == DetectorClassifier.GBT) throw new IllegalArgumentException("--classifier: only logistic or svm detectors can be saved");
            settings = detector.settings(seed, 64);
        } catch (IllegalArgumentException e) {
            throw new InputException("command line", e.getMessage());
        }
        ImageFolderSource rf = ImageFolderSource.open(real, 3), ff = ImageFolderSource.open(fake, 3);
        if (rf.height() != ff.height() || rf.width() != ff.width()) {
            throw new InputException(real, "real images are " + rf.height() + "x" + rf.width() + " but generated ones (" + fake + ") are "
                    + ff.height() + "x" + ff.width() + "; a detector must be trained on one size");
        }
        Integer samples = detector.samples;
        ImageSource r = samples == null ? rf : new FirstImages(rf, samples);
        ImageSource f = samples == null ? ff : new FirstImages(ff, samples);
        DetectabilityStudy study = new DetectabilityStudy(settings, ConsoleProgress.factory());
        LabelledFeatures data = study.features(r, f, null);
        DetectabilityMetrics cv = study.crossValidate(data).metrics();
        Map<String, Object> prov = new LinkedHashMap<>();
        prov.put("genaudit", GenauditVersion.get());
        prov.put("created", Instant.now().toString());
        prov.put("real", Map.of("path", real.toAbsolutePath().toString(), "sha256", Sha256.of(real), "n", data.nReal()));
        prov.put("fake", Map.of("path", fake.toAbsolutePath().toString(), "sha256", Sha256.of(fake), "n", data.nFake()));
        prov.put("seed", seed);
        prov.put("cv_folds", settings.folds());
        prov.put("cv_auc", cv.auc());
        prov.put("cv_auc_ci", List.of(cv.aucCi().low(), cv.aucCi().high()));
        FixedDetector det = FixedDetector.train(data, settings.features(), rf.height(), rf.width(), settings.classifier(), seed, prov);
        det.save(out);
        System.out.printf(Locale.ROOT, "detector saved to %s (%s, %s, %dx%d); cross-validated AUC %.3f [%.3f, %.3f] on %d real / %d generated%n",
                out, settings.features().spec(), settings.classifier().id(), rf.height(), rf.width(), cv.auc(), cv.aucCi().low(), cv.aucCi().high(),
                data.nReal(), data.nFake());
        return ExitCodes.OK;
    }
}
