package io.genaudit.engine.image.shapes;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.GradientCollector;
import io.genaudit.engine.Progress;
import io.genaudit.engine.image.Images;
import io.genaudit.engine.image.nn.BlockFiles;
import io.genaudit.engine.image.nn.Latents;
import io.genaudit.engine.image.nn.LossHistory;
import io.genaudit.engine.image.nn.ModelFolder;
import io.genaudit.engine.image.nn.Tensors;
import io.genaudit.engine.image.nn.TrainingData;
import io.genaudit.engine.image.ImageFolderSource;
import io.genaudit.engine.image.ImageLabels;
import io.genaudit.engine.image.ShapesClasses;
import io.genaudit.engine.io.Sha256;
import io.genaudit.engine.nn.Adam;
import io.genaudit.engine.nn.ConvolutionGradientCheck;

import java.io.IOException;
import java.nio.file.Files;
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
    private static final float LEARNING_RATE = 2e-3f;

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

    public static ShapesCnn train(Labelled data, Labelled heldOut, Path outDir, long seed, int epochs, Progress.Factory progress)
            throws IOException {
        ConvolutionGradientCheck.ensureSound(); // before anything is written: wrong native gradients stop the run
        Files.createDirectories(outDir);
        ShapesCnn cnn = new ShapesCnn(seed);
        LossHistory hist = new LossHistory(List.of("loss"));
        int n = data.images().n(), b = Math.min(64, n), steps = n / b;
        long t0 = System.nanoTime();
        try (Adam opt = Adam.forBlock(new SequentialBlock().add(cnn.trunk).add(cnn.head), cnn.manager, 0.9f, 0.999f);
             Progress p = progress.start("train shapes-cnn", (long) epochs * steps, "steps")) {
            for (int epoch = 0; epoch < epochs; epoch++) {
                int[] perm = Latents.permutation(n, Latents.mix(seed, 1, epoch));
                for (int step = 0; step < steps; step++) {
                    double loss = step(cnn, opt, data, perm, step * b, (step + 1) * b);
                    if (!Double.isFinite(loss)) {
                        throw new IllegalStateException("shapes CNN training diverged at epoch " + (epoch + 1) + " step " + (step + 1) + "; try another seed");
                    }
                    hist.step("loss", loss);
                    p.step(1);
                }
                hist.endEpoch();
                p.message(String.format("epoch %d/%d loss %.3f", epoch + 1, epochs, hist.last().get("loss")));
            }
        } catch (RuntimeException e) {
            cnn.close();
            throw e;
        }
        Map<String, Double> acc = heldOut == null ? Map.of() : accuracy(cnn, heldOut);
        cnn.description = "genaudit shapes CNN, " + epochs + " epochs on " + n + " images (data sha256 "
                + data.sha256().substring(0, 12) + ", seed " + seed + ")" + (acc.isEmpty() ? "" : ", held-out accuracy " + acc);
        BlockFiles.save(cnn.trunk, outDir.resolve(ShapesCnn.TRUNK_FILE));
        BlockFiles.save(cnn.head, outDir.resolve(ShapesCnn.HEAD_FILE));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("architecture", "shapes-cnn");
        json.put("description", cnn.description);
        json.put("classes", ShapesCnn.CLASSES);
        json.put("seed", seed);
        json.put("epochs", epochs);
        json.put("dataSha256", data.sha256());
        json.put("data", Map.of("description", data.description(), "n", n));
        if (heldOut != null) {
            json.put("heldOut", Map.of("description", heldOut.description(), "n", heldOut.images().n(), "sha256", heldOut.sha256()));
            json.put("heldOutAccuracy", acc);
        }
        json.put("parameters", BlockFiles.parameterCount(cnn.trunk) + BlockFiles.parameterCount(cnn.head));
        json.put("finalLosses", hist.last());
        json.put("history", hist.toMap());
        json.put("trainSecondsThisRun", (System.nanoTime() - t0) / 1e9);
        ModelFolder.writeJson(outDir.resolve(ModelFolder.MODEL_JSON), json);
        return cnn;
    }

    private static double step(ShapesCnn cnn, Adam opt, Labelled data, int[] perm, int from, int to) {
        try (NDManager m = cnn.manager.newSubManager()) {
            NDArray x = Tensors.gather(m, data.images(), perm, from, to, 1f, 0f);
            double loss;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray f = cnn.trunk.forward(cnn.store, new NDList(x), true).singletonOrThrow();
                NDArray logits = cnn.head.forward(cnn.store, new NDList(f), true).singletonOrThrow();
                NDArray total = null;
                int off = 0;
                NDList heads = logits.split(new long[]{3, 6}, 1);
                int head = 0;
                for (var e : ShapesCnn.CLASSES.entrySet()) {
                    int k = e.getValue().size();
                    int[] all = data.labels().get(e.getKey());
                    int[] y = new int[to - from];
                    for (int i = from; i < to; i++) y[i - from] = all[perm[i]];
                    NDArray ce = Tensors.crossEntropy(heads.get(head++), Tensors.oneHot(m, y, k));
                    total = total == null ? ce : total.add(ce);
                    off += k;
                }
                gc.backward(total);
                loss = total.getFloat();
            }
            opt.step(LEARNING_RATE);
            return loss;
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
