package io.genaudit.metrics.detect;

/**
 * Everything that changes a detectability number: features, classifier, number of folds, the FPR for "TPR at FPR",
 * bootstrap resamples, seed and batch size (batch size changes speed only).
 */
public record DetectabilitySettings(SpectralFeatures features, DetectorClassifier classifier, int folds, double fpr,
                                    int resamples, long seed, int batchSize) {
    public DetectabilitySettings {
        if (folds < 2) throw new IllegalArgumentException("folds must be >= 2, got " + folds);
        if (!(fpr > 0 && fpr < 1)) throw new IllegalArgumentException("fpr must be in (0,1), got " + fpr);
        if (resamples < 10) throw new IllegalArgumentException("bootstrap resamples must be >= 10, got " + resamples);
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
    }

    /**
     * Settings for producing detector scores only ({@link DetectionEvidence}): the FPR and bootstrap resamples stay at
     * their defaults because the {@code detectability} metric applies its own to the scores.
     */
    public static DetectabilitySettings forScoring(SpectralFeatures features, DetectorClassifier classifier, int folds, long seed, int batchSize) {
        return new DetectabilitySettings(features, classifier, folds, 0.01, 1000, seed, batchSize);
    }

    public static DetectabilitySettings defaults(long seed) {
        return new DetectabilitySettings(SpectralFeatures.defaults(), DetectorClassifier.LOGISTIC, 5, 0.01, 1000, seed, 64);
    }

    public DetectabilitySettings withClassifier(DetectorClassifier c) {
        return new DetectabilitySettings(features, c, folds, fpr, resamples, seed, batchSize);
    }
}
