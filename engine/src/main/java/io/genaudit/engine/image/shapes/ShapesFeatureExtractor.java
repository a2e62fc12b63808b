package io.genaudit.engine.image.shapes;

import io.genaudit.engine.image.AttributeClassifier;
import io.genaudit.engine.image.ImageFeatureExtractor;
import io.genaudit.engine.image.Images;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The penultimate layer (64 ReLU units) of the genaudit shapes CNN as an image feature extractor for fidelity metrics
 * on the shapes demo. Numbers computed with it are comparable only with other numbers from the same trained
 * network (its describe() names the training data, seed and SHA), never with published FIDs. It is also the
 * network's {@link AttributeClassifier} (shape, colour, size from the logits), for bias probes.
 */
public final class ShapesFeatureExtractor implements ImageFeatureExtractor, AttributeClassifier {
    private final ShapesCnn cnn;
    private final boolean owns;

    ShapesFeatureExtractor(ShapesCnn cnn, boolean owns) {
        this.cnn = cnn;
        this.owns = owns;
    }

    /** Loads a trained shapes CNN folder as a feature extractor (owning it). */
    public static ShapesFeatureExtractor load(Path dir) throws IOException {
        return new ShapesFeatureExtractor(ShapesCnn.load(dir), true);
    }

    public ShapesCnn network() {
        return cnn;
    }

    @Override
    public int dimension() {
        return ShapesCnn.FEATURES;
    }

    @Override
    public double[][] extract(Images batch) {
        float[] f = cnn.forward(batch)[0];
        double[][] out = new double[batch.n()][ShapesCnn.FEATURES];
        for (int i = 0; i < batch.n(); i++) for (int j = 0; j < ShapesCnn.FEATURES; j++) out[i][j] = f[i * ShapesCnn.FEATURES + j];
        return out;
    }

    @Override
    public List<String> attributes() {
        return cnn.attributes();
    }

    @Override
    public List<String> classes(String attribute) {
        return cnn.classes(attribute);
    }

    @Override
    public Map<String, int[]> predict(Images batch) {
        return cnn.predict(batch);
    }

    @Override
    public String describe() {
        return "genaudit shapes CNN (not comparable with published FIDs): " + cnn.describe();
    }

    @Override
    public void close() {
        if (owns) cnn.close();
    }
}
