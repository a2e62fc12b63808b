package io.genaudit.engine.image.shapes;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import io.genaudit.engine.image.AttributeClassifier;
import io.genaudit.engine.image.Images;
import io.genaudit.engine.image.Latents;
import io.genaudit.engine.image.nn.ModelFolder;
import io.genaudit.engine.image.nn.NetworkModel;
import io.genaudit.engine.image.nn.SeededInitializer;
import io.genaudit.engine.image.nn.Tensors;
import io.genaudit.datasets.BuiltInDatasets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small CNN trained by genaudit on the shapes fixture to classify shape, colour and size of 32x32 RGB images:
 * three conv-ReLU-maxpool stages, a 64-unit ReLU layer (the feature vector of {@link ShapesFeatureExtractor}) and
 * one linear head with the logits of all attributes. It is the demo's feature extractor and attribute classifier;
 * its features are not Inception features and its FIDs are not comparable with published ones.
 */
public final class ShapesCnn extends NetworkModel implements AttributeClassifier {
    public static final String TRUNK_FILE = "trunk.params";
    public static final String HEAD_FILE = "head.params";
    public static final int FEATURES = 64;
    /** Attributes and their classes, in the order of the logits. */
    public static final Map<String, List<String>> CLASSES = classes();

    final Block trunk;
    final Block head;

    private static Map<String, List<String>> classes() {
        return BuiltInDatasets.shapesAttributes();
    }

    static int logitCount() {
        return CLASSES.values().stream().mapToInt(List::size).sum();
    }

    ShapesCnn(long seed) {
        super("genaudit shapes CNN (untrained)");
        SequentialBlock t = new SequentialBlock();
        for (int f : new int[]{16, 32, 64}) {
            t.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(f).optPadding(new Shape(1, 1)).build());
            t.add(Activation.reluBlock());
            t.add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
        }
        t.add(Blocks.batchFlattenBlock());
        t.add(Linear.builder().setUnits(FEATURES).build());
        t.add(Activation.reluBlock());
        trunk = t;
        head = Linear.builder().setUnits(logitCount()).build();
        initialize(trunk, SeededInitializer.heUniform(Latents.mix(seed, 31, 0)), new Shape(2, 3, 32, 32));
        initialize(head, SeededInitializer.heUniform(Latents.mix(seed, 32, 0)), new Shape(2, FEATURES));
    }

    /** Loads a folder written by {@link ShapesCnnTrainer}. */
    public static ShapesCnn load(Path dir) throws IOException {
        Map<String, Object> m = ModelFolder.readConfig(dir, "shapes-cnn", "shapes CNN");
        ShapesCnn cnn = new ShapesCnn(0);
        ModelFolder.loadWeights(dir, cnn, cnn.manager, new ModelFolder.Weights(TRUNK_FILE, cnn.trunk),
                new ModelFolder.Weights(HEAD_FILE, cnn.head));
        cnn.setDescription(String.valueOf(m.get("description")));
        return cnn;
    }

    static void checkInput(Images batch) {
        if (batch.channels() != 3 || batch.height() != 32 || batch.width() != 32) {
            throw new IllegalArgumentException("the shapes CNN takes 3x32x32 images, got " + batch.channels() + "x"
                    + batch.height() + "x" + batch.width() + " (resize first)");
        }
    }

    /** Penultimate-layer features [n, 64] and logits [n, 8] of a batch. */
    synchronized float[][] forward(Images batch) {
        checkInput(batch);
        try (NDManager m = manager.newSubManager()) {
            NDArray f = trunk.forward(store, new NDList(Tensors.of(m, batch)), false).singletonOrThrow();
            NDArray l = head.forward(store, new NDList(f), false).singletonOrThrow();
            return new float[][]{f.toFloatArray(), l.toFloatArray()};
        }
    }

    /** Logits split per attribute: attribute -> [n][classes]. */
    public Map<String, double[][]> logits(Images batch) {
        float[] l = forward(batch)[1];
        int total = logitCount();
        Map<String, double[][]> out = new LinkedHashMap<>();
        int off = 0;
        for (var e : CLASSES.entrySet()) {
            int k = e.getValue().size();
            double[][] a = new double[batch.n()][k];
            for (int i = 0; i < batch.n(); i++) for (int j = 0; j < k; j++) a[i][j] = l[i * total + off + j];
            out.put(e.getKey(), a);
            off += k;
        }
        return out;
    }

    @Override
    public List<String> attributes() {
        return List.copyOf(CLASSES.keySet());
    }

    @Override
    public List<String> classes(String attribute) {
        List<String> c = CLASSES.get(attribute);
        if (c == null) throw new IllegalArgumentException("no attribute " + attribute + "; have " + CLASSES.keySet());
        return c;
    }

    @Override
    public Map<String, int[]> predict(Images batch) {
        Map<String, int[]> out = new LinkedHashMap<>();
        logits(batch).forEach((a, l) -> {
            int[] p = new int[l.length];
            for (int i = 0; i < l.length; i++) {
                int best = 0;
                for (int j = 1; j < l[i].length; j++) if (l[i][j] > l[i][best]) best = j;
                p[i] = best;
            }
            out.put(a, p);
        });
        return out;
    }

    /** This network's penultimate layer as a feature extractor (shares the weights; closing it does not close this). */
    public ShapesFeatureExtractor featureExtractor() {
        return new ShapesFeatureExtractor(this, false);
    }
}
