package io.genaudit.audits.cli;

import io.genaudit.metrics.detect.DetectabilitySettings;
import io.genaudit.metrics.detect.DetectorClassifier;
import io.genaudit.metrics.detect.SpectralFeatures;
import picocli.CommandLine.Option;

/**
 * The spectral detector's options, shared by {@code genaudit detectability} and {@code genaudit train detector}:
 * features, classifier, folds and the image cap per folder.
 */
public final class DetectorOptions {
    @Option(names = "--features", description = "Feature parts, e.g. fft:32,dct:8,pixel (the default).")
    String features = SpectralFeatures.defaults().spec();

    @Option(names = "--classifier", description = "logistic, svm or gbt (default logistic; a saved detector: logistic or svm).")
    String classifier = "logistic";

    @Option(names = "--folds", paramLabel = "K", description = "Cross-validation folds (default 5).")
    int folds = 5;

    @Option(names = "--samples", paramLabel = "N", description = "Use at most N images of each folder (default: all).")
    Integer samples;

    /** The classifier named by {@code --classifier}. */
    DetectorClassifier classifier() {
        return DetectorClassifier.parse(classifier);
    }

    /** Settings for scoring with these options; throws IllegalArgumentException naming a bad value. */
    DetectabilitySettings settings(long seed, int batchSize) {
        return DetectabilitySettings.forScoring(SpectralFeatures.parse(features), classifier(), folds, seed, batchSize);
    }
}
