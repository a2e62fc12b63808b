package io.genaudit.engine.image.shapes;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.GradientCollector;
import io.genaudit.engine.image.Images;
import io.genaudit.engine.image.nn.BlockFiles;
import io.genaudit.engine.image.nn.EpochLoop;
import io.genaudit.engine.image.nn.LossHistory;
import io.genaudit.engine.image.nn.ModelFolder;
import io.genaudit.engine.image.nn.Tensors;
import io.genaudit.engine.image.nn.TrainedModelJson;
import io.genaudit.engine.image.nn.TrainingData;
import io.genaudit.engine.image.nn.TrainingStep;
import io.genaudit.engine.image.ImageFolderSource;
import io.genaudit.engine.image.ImageLabels;
import io.genaudit.engine.image.ShapesClasses;
import io.genaudit.engine.io.Sha256;
import io.genaudit.engine.nn.Adam;
import io.genaudit.engine.train.TrainingRun;
import io.genaudit.engine.train.TrainingSettings;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains the {@link ShapesCnn} on a labelled shapes folder (labels.csv with shape, colour, size) by minimising the
 * sum of the three attributes' softmax cross-entropies with Adam, then measures per-attribute accuracy on a
 * held-out folder when given. Writes model.json (with the accuracies), trunk.params and head.params.
 */
public final class ShapesCnnTrainer {
    static final String ARCHITECTURE = "shapes-cnn";

    private ShapesCnnTrainer() {
    }

    /** Labelled training data: images and one class id per attribute of {@link ShapesCnn#CLASSES}. */
    public record Labelled(Images images, Map<String, int[]> labels, String sha256, String description) {
        public static Labelled fromFolder(Path folder) {
            ImageFolderSource src = ImageFolderSource.open(folder, 3);
            ImageLabels l = ImageLabels.read(folder.resolve("labels.csv"), src, ShapesClasses.ORDER);
            Map<String, int[]> labels = new LinkedHashMap<>();
            for (String a : ShapesCnn.CLASSES.keySet()) {
                if (!l.attributes().containsKey(a) || !l.attributes().get(a).equals(ShapesCnn.CLASSES.get(a))) {
                    throw new io.genaudit.engine.InputException(folder.resolve("labels.csv"),
                            "column '" + a + "' with classes " + ShapesCnn.CLASSES.get(a) + " expected, found " + l.attributes().get(a));
                }
                labels.put(a, l.of(a));
            }
            try {
                return new Labelled(TrainingData.readAll(src), labels, Sha256.of(folder), src.describe());
            } catch (IOException e) {
                throw new io.genaudit.engine.InputException(String.valueOf(folder), "cannot read: " + e.getMessage(), e);
            }
        }
    }

    /** Batch size 64 and learning rate 2e-3, the settings the demo's classifier is trained with. */
    public static TrainingSettings defaultSettings(long seed, int epochs) {
        return TrainingSettings.of(seed, epochs, 64, 2e-3);
    }

    /**
     * Trains in the shared {@link EpochLoop} (a checkpoint per epoch, resume) and measures held-out accuracy when
     * {@code heldOut} is given.
     */
    public static ShapesCnn train(Labelled data, Labelled heldOut, TrainingSettings s, TrainingRun run) throws IOException {
        long t0 = System.nanoTime();
        ShapesCnn cnn = new ShapesCnn(s.seed());
        int n = data.images().n();
        Map<String, Object> config = Map.of("classes", ShapesCnn.CLASSES);
        LossHistory hist;
        try (Adam opt = Adam.forBlock(new SequentialBlock().add(cnn.trunk).add(cnn.head), cnn.manager, 0.9f, 0.999f)) {
            hist = EpochLoop.train(new Step(cnn, opt, data, (float) s.learningRate()), n, config, data.sha256(), s, run, cnn.manager);
        } catch (IOException | RuntimeException e) {
            cnn.close();
            throw e;
        }
        Map<String, Double> acc = heldOut == null ? Map.of() : accuracy(cnn, heldOut);
        cnn.description = "genaudit shapes CNN, " + s.epochs() + " epochs on " + n + " images (data sha256 "
                + data.sha256().substring(0, 12) + ", seed " + s.seed() + ")" + (acc.isEmpty() ? "" : ", held-out accuracy " + acc);
        BlockFiles.save(cnn.trunk, run.modelDir().resolve(ShapesCnn.TRUNK_FILE));
        BlockFiles.save(cnn.head, run.modelDir().resolve(ShapesCnn.HEAD_FILE));
        Map<String, Object> json = TrainedModelJson.of(ARCHITECTURE, config, s, data.sha256(), cnn.description, hist, t0);
        json.put("classes", ShapesCnn.CLASSES);
        json.put("data", Map.of("description", data.description(), "n", n));
        if (heldOut != null) {
            json.put("heldOut", Map.of("description", heldOut.description(), "n", heldOut.images().n(), "sha256", heldOut.sha256()));
            json.put("heldOutAccuracy", acc);
        }
        json.put("parameters", BlockFiles.parameterCount(cnn.trunk) + BlockFiles.parameterCount(cnn.head));
        json.put("loss", "sum of the attributes' softmax cross-entropies");
        ModelFolder.writeJson(run.modelDir().resolve(ModelFolder.MODEL_JSON), json);
        return cnn;
    }

    /** One Adam step on the summed cross-entropy of all attributes; loss {loss}. */
    private record Step(ShapesCnn cnn, Adam opt, Labelled data, float lr) implements TrainingStep {
        public Layout layout() {
            return new Layout(ARCHITECTURE, List.of("loss"), Layout.inOrder("trunk", cnn.trunk, "head", cnn.head), Map.of("cnn", opt));
        }

        public double[] step(int[] perm, int from, int to, long stepSeed) {
            try (NDManager m = cnn.manager.newSubManager()) {
                NDArray x = Tensors.gather(m, data.images(), perm, from, to, 1f, 0f);
                double loss;
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray f = cnn.trunk.forward(cnn.store, new NDList(x), true).singletonOrThrow();
                    NDArray logits = cnn.head.forward(cnn.store, new NDList(f), true).singletonOrThrow();
                    NDArray total = null;
                    NDList heads = logits.split(new long[]{3, 6}, 1);
                    int head = 0;
                    for (var e : ShapesCnn.CLASSES.entrySet()) {
                        int k = e.getValue().size();
                        int[] all = data.labels().get(e.getKey());
                        int[] y = new int[to - from];
                        for (int i = from; i < to; i++) y[i - from] = all[perm[i]];
                        NDArray ce = Tensors.crossEntropy(heads.get(head++), Tensors.oneHot(m, y, k));
                        total = total == null ? ce : total.add(ce);
                    }
                    gc.backward(total);
                    loss = total.getFloat();
                }
                opt.step(lr);
                return new double[]{loss};
            }
        }
    }

    /** Share of correctly predicted classes per attribute on labelled data. */
    public static Map<String, Double> accuracy(ShapesCnn cnn, Labelled data) {
        Map<String, int[]> correct = new LinkedHashMap<>();
        int n = data.images().n();
        for (int from = 0; from < n; from += 256) {
            int to = Math.min(n, from + 256);
            Map<String, int[]> pred = cnn.predict(data.images().slice(from, to));
            for (var e : pred.entrySet()) {
                int[] c = correct.computeIfAbsent(e.getKey(), k -> new int[1]);
                int[] truth = data.labels().get(e.getKey());
                for (int i = 0; i < e.getValue().length; i++) if (e.getValue()[i] == truth[from + i]) c[0]++;
            }
        }
        Map<String, Double> acc = new LinkedHashMap<>();
        correct.forEach((k, v) -> acc.put(k, Math.round(1000.0 * v[0] / n) / 1000.0));
        return acc;
    }
}
