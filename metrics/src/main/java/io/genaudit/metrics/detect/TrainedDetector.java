package io.genaudit.metrics.detect;

/** A standardiser and a classifier fitted together on the same training rows; scores raw feature rows. */
public record TrainedDetector(Standardizer standardizer, DetectorClassifier.Scorer scorer, DetectorClassifier classifier) {

    public static TrainedDetector fit(double[][] x, int[] labels, DetectorClassifier classifier, long seed) {
        Standardizer s = Standardizer.fit(x);
        return new TrainedDetector(s, classifier.fit(s.apply(x), labels, seed), classifier);
    }

    public double score(double[] raw) {
        return scorer.score(standardizer.apply(raw));
    }

    public double[] score(double[][] raw) {
        return scorer.scoreAll(standardizer.apply(raw));
    }
}
