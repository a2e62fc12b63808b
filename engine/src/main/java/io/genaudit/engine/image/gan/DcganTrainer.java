package io.genaudit.engine.image.gan;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import io.genaudit.engine.Progress;
import io.genaudit.engine.image.nn.BlockFiles;
import io.genaudit.engine.image.nn.Checkpoint;
import io.genaudit.engine.image.nn.Latents;
import io.genaudit.engine.image.nn.LossHistory;
import io.genaudit.engine.image.nn.ModelFolder;
import io.genaudit.engine.image.nn.Tensors;
import io.genaudit.engine.image.nn.TrainingData;
import io.genaudit.engine.image.nn.TrainingSettings;
import io.genaudit.engine.nn.Adam;
import io.genaudit.engine.nn.ConvolutionGradientCheck;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Trains a DCGAN with the non-saturating BCE adversarial loss (discriminator: real -> 1, fake -> 0; generator:
 * fake -> 1), Adam for both networks, images scaled to [-1,1]. Shuffling and latents come from the seed per epoch and
 * step, and optimiser state is checkpointed after every epoch, so {@code resume} reproduces an uninterrupted run.
 * Writes model.json, generator.params and discriminator.params into the output folder.
 */
public final class DcganTrainer {
    private DcganTrainer() {
    }

    public static DcganModel train(TrainingData data, DcganConfig cfg, TrainingSettings s) throws IOException {
        if (cfg.numClasses() > 0 && data.labels() == null) {
            throw new IllegalArgumentException("a conditional DCGAN needs labelled training data");
        }
        ConvolutionGradientCheck.ensureSound(); // before anything is written: wrong native gradients stop the run
        Files.createDirectories(s.outDir());
        Map<String, Object> identity = Checkpoint.identity("dcgan", cfg.toMap(), s.seed(), data.sha256());

        DcganModel model = DcganModel.create(cfg, s.seed());
        LossHistory hist = new LossHistory(List.of("lossD", "lossG"));
        int start = 0;
        long t0 = System.nanoTime();
        try (Adam optG = Adam.forBlock(model.generator, model.manager(), cfg.beta1(), 0.999f);
             Adam optD = Adam.forBlock(model.discriminator, model.manager(), cfg.beta1(), 0.999f)) {
            Map<String, Block> blocks = Map.of("generator", model.generator, "discriminator", model.discriminator);
            Map<String, Adam> opts = Map.of("generator", optG, "discriminator", optD);
            if (s.resume()) {
                Optional<Checkpoint> cp = Checkpoint.restore(s.outDir(), model.manager(), blocks, opts, identity);
                if (cp.isPresent()) {
                    hist = cp.get().history();
                    start = cp.get().epochsDone();
                }
            }
            int n = data.size(), b = Math.min(cfg.batchSize(), n), steps = n / b;
            if (b < 2) throw new IllegalArgumentException("DCGAN training needs at least 2 images, got " + n);
            try (Progress p = s.progress().start("train dcgan " + cfg.size(), (long) Math.max(0, s.epochs() - start) * steps, "steps")) {
                for (int epoch = start; epoch < s.epochs(); epoch++) {
                    int[] perm = Latents.permutation(n, Latents.mix(s.seed(), 1, epoch));
                    for (int step = 0; step < steps; step++) {
                        double[] l = step(model, optG, optD, data, perm, step * b, (step + 1) * b,
                                Latents.mix(s.seed(), 2 + epoch, step));
                        if (!Double.isFinite(l[0]) || !Double.isFinite(l[1])) {
                            throw new IllegalStateException("DCGAN training diverged: non-finite loss (lossD " + l[0] + ", lossG " + l[1]
                                    + ") at epoch " + (epoch + 1) + " step " + (step + 1) + "; try another seed");
                        }
                        hist.step("lossD", l[0]);
                        hist.step("lossG", l[1]);
                        p.step(1);
                    }
                    hist.endEpoch();
                    p.message(String.format("epoch %d/%d lossD %.3f lossG %.3f", epoch + 1, s.epochs(),
                            hist.last().get("lossD"), hist.last().get("lossG")));
                    Checkpoint.save(s.outDir(), epoch + 1, blocks, opts, identity, hist);
                }
            }
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
        String desc = "DCGAN " + cfg.size() + " " + cfg.width() + "x" + cfg.height() + "x" + cfg.channels() + " (z="
                + cfg.latentDim() + (cfg.numClasses() > 0 ? ", conditional on " + data.classNames() : "") + ", "
                + s.epochs() + " epochs on " + data.size() + " images, seed " + s.seed() + ")";
        model.setDescription(desc);
        BlockFiles.save(model.generator, s.outDir().resolve(DcganModel.GENERATOR_FILE));
        BlockFiles.save(model.discriminator, s.outDir().resolve(DcganModel.DISCRIMINATOR_FILE));
        Map<String, Object> json = new LinkedHashMap<>(identity);
        json.put("description", desc);
        json.put("epochs", s.epochs());
        json.put("data", Map.of("description", data.description(), "n", data.size(), "classes", data.classNames()));
        json.put("parameters", Map.of("generator", BlockFiles.parameterCount(model.generator),
                "discriminator", BlockFiles.parameterCount(model.discriminator)));
        json.put("loss", "non-saturating BCE adversarial loss; lossD = BCE(D(x),1) + BCE(D(G(z)),0), lossG = BCE(D(G(z)),1)");
        json.put("finalLosses", hist.last());
        json.put("history", hist.toMap());
        json.put("trainSecondsThisRun", (System.nanoTime() - t0) / 1e9);
        ModelFolder.writeJson(s.outDir().resolve(ModelFolder.MODEL_JSON), json);
        return model;
    }

    /** One discriminator step then one generator step on images [from, to) of the permutation; returns {lossD, lossG}. */
    private static double[] step(DcganModel model, Adam optG, Adam optD, TrainingData data, int[] perm, int from, int to,
                                 long stepSeed) {
        DcganConfig cfg = model.config();
        int b = to - from;
        try (NDManager m = model.manager().newSubManager()) {
            NDArray real = Tensors.gather(m, data.images(), perm, from, to, 2f, -1f);
            int[] labels = null;
            if (cfg.numClasses() > 0) {
                labels = new int[b];
                for (int i = 0; i < b; i++) labels[i] = data.labels()[perm[from + i]];
            }
            float[] z = Latents.sample(b, cfg.latentDim(), stepSeed, Latents.Distribution.NORMAL);
            NDArray zin = model.generatorInput(m, z, b, labels);
            double lossD, lossG;
            // D step: fakes generated outside the gradient collector, so they are constants for the discriminator
            // grad mode off explicitly (an earlier trainer in the same JVM may have left it on), and the fakes
            // detached, so the D step never records or back-propagates into the generator
            ai.djl.pytorch.jni.JniUtils.setGradMode(false);
            NDArray fixedFake = model.generator.forward(model.parameterStore(), new NDList(zin), true).singletonOrThrow().stopGradient();
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray dReal = model.discriminator.forward(model.parameterStore(), new NDList(model.discriminatorInput(m, real, labels)), true).singletonOrThrow();
                NDArray dFake = model.discriminator.forward(model.parameterStore(),
                        new NDList(model.discriminatorInput(m, fixedFake, labels)), true).singletonOrThrow();
                NDArray loss = Tensors.bceWithLogits(dReal, 1f).add(Tensors.bceWithLogits(dFake, 0f));
                gc.backward(loss);
                lossD = loss.getFloat();
            }
            optD.step(cfg.learningRate());
            // G step: the same latents through the generator again, this time recording the graph
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray fake = model.generator.forward(model.parameterStore(), new NDList(zin), true).singletonOrThrow();
                NDArray out = model.discriminator.forward(model.parameterStore(), new NDList(model.discriminatorInput(m, fake, labels)), true).singletonOrThrow();
                NDArray loss = Tensors.bceWithLogits(out, 1f);
                gc.backward(loss);
                lossG = loss.getFloat();
            }
            optG.step(cfg.learningRate());
            optD.zeroGradients();
            return new double[]{lossD, lossG};
        }
    }
}
