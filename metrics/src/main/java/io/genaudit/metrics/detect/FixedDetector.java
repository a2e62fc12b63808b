package io.genaudit.metrics.detect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.genaudit.engine.InputException;
import io.genaudit.engine.Progress;
import io.genaudit.engine.image.ImageSource;
import io.genaudit.engine.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A trained, frozen detector saved as a small JSON file: the feature settings, the training image size, the
 * standardisation and a linear model (logistic regression or linear SVM), plus provenance (training data SHA-256s,
 * sizes, seed, cross-validated AUC). Release gates load it to score a new model's outputs at a fixed false-positive
 * rate, so every release is judged by the same detector.
 */
public record FixedDetector(SpectralFeatures features, int height, int width, DetectorClassifier classifier,
                            Standardizer standardizer, double[] coefficients, Map<String, Object> provenance) implements ImageDetector {
    /** The {@code format} field of the file. */
    public static final String FORMAT = "genaudit-detector";
    public static final int VERSION = 1;

    public FixedDetector {
        if (classifier == DetectorClassifier.GBT) {
            throw new IllegalArgumentException("only linear detectors (logistic, svm) can be saved; got gbt");
        }
        if (coefficients.length != features.dimension() + 1) {
            throw new IllegalArgumentException(coefficients.length + " coefficients for " + features.dimension() + " features");
        }
        provenance = provenance == null ? Map.of() : Map.copyOf(provenance);
    }

    /** Trains on feature rows {@code x} (real 0, generated 1) of images of {@code height x width}. */
    public static FixedDetector train(LabelledFeatures data, SpectralFeatures features, int height, int width,
                                      DetectorClassifier classifier, long seed, Map<String, Object> provenance) {
        TrainedDetector t = TrainedDetector.fit(data.x(), data.labels(), classifier, seed);
        if (!(t.scorer() instanceof DetectorClassifier.LinearScorer ls)) {
            throw new IllegalArgumentException("only linear detectors (logistic, svm) can be saved; got " + classifier.id());
        }
        return new FixedDetector(features, height, width, classifier, t.standardizer(), ls.coefficients(), provenance);
    }

    private DetectorClassifier.LinearScorer scorer() {
        return new DetectorClassifier.LinearScorer(coefficients, classifier == DetectorClassifier.LOGISTIC);
    }

    /** Score of one raw feature row (higher = more likely generated). */
    public double score(double[] raw) {
        return scorer().score(standardizer.apply(raw));
    }

    /** Scores every image of {@code source}, which must have the training image size. */
    public double[] score(ImageSource source, int batchSize, Progress progress) {
        return score(source, null, 0, batchSize, progress);
    }

    /** Scores every image of {@code source} after {@code perturbation} (null for none; {@code seed} seeds it). */
    @Override
    public double[] score(ImageSource source, Perturbation perturbation, long seed, int batchSize, Progress progress) {
        SpectralFeatureExtractor ex = features.extractor();
        double[][] rows = FeatureRows.of(SizeCheckedSource.of(source, height, width), ex, perturbation, seed, batchSize, progress);
        double[] s = new double[rows.length];
        for (int i = 0; i < rows.length; i++) s[i] = score(rows[i]);
        return s;
    }

    @Override
    public String describe() {
        return "genaudit spectral detector (" + features.spec() + ", " + classifier.id() + ", trained on " + height + "x" + width + ")";
    }

    public void save(Path file) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("version", VERSION);
        m.put("features", features.spec());
        m.put("height", height);
        m.put("width", width);
        m.put("classifier", classifier.id());
        m.put("mean", standardizer.mean());
        m.put("sd", standardizer.sd());
        m.put("coefficients", coefficients);
        m.put("provenance", provenance);
        byte[] json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(m);
        AtomicFiles.writeBytes(file, json);
    }

    @SuppressWarnings("unchecked")
    public static FixedDetector load(Path file) {
        if (!Files.isRegularFile(file)) throw new InputException(file, "detector file not found");
        JsonNode n;
        try {
            n = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new InputException(file, "not a genaudit detector JSON file: " + e.getMessage());
        }
        if (n == null || !FORMAT.equals(n.path("format").asText())) {
            throw new InputException(file, "expected a JSON object with \"format\": \"" + FORMAT + "\", found "
                    + (n == null ? "nothing" : "format '" + n.path("format").asText() + "'"));
        }
        if (n.path("version").asInt() != VERSION) {
            throw new InputException(file, "detector format version " + VERSION + " expected, found " + n.path("version"));
        }
        try {
            SpectralFeatures f = SpectralFeatures.parse(n.path("features").asText());
            double[] mean = doubles(n, "mean", f.dimension(), file), sd = doubles(n, "sd", f.dimension(), file);
            double[] coef = doubles(n, "coefficients", f.dimension() + 1, file);
            Map<String, Object> prov = new ObjectMapper().convertValue(n.path("provenance"), Map.class);
            return new FixedDetector(f, n.path("height").asInt(), n.path("width").asInt(),
                    DetectorClassifier.parse(n.path("classifier").asText()), new Standardizer(mean, sd), coef, prov);
        } catch (IllegalArgumentException e) {
            throw new InputException(file, "invalid detector: " + e.getMessage());
        }
    }

    private static double[] doubles(JsonNode n, String key, int expected, Path file) {
        JsonNode a = n.path(key);
        if (!a.isArray() || a.size() != expected) {
            throw new InputException(file, "'" + key + "' must be an array of " + expected + " numbers, found " + (a.isArray() ? a.size() + " values" : a.getNodeType()));
        }
        double[] d = new double[expected];
        for (int i = 0; i < expected; i++) d[i] = a.get(i).asDouble();
        return d;
    }
}
