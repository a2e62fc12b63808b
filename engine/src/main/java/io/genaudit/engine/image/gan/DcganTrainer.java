package io.genaudit.engine.image.gan;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import io.genaudit.engine.image.nn.BlockFiles;
import io.genaudit.engine.image.nn.EpochLoop;
import io.genaudit.engine.image.Latents;
import io.genaudit.engine.image.nn.LossHistory;
import io.genaudit.engine.image.nn.ModelFolder;
import io.genaudit.engine.image.nn.Tensors;
import io.genaudit.engine.image.nn.TrainedModelJson;
import io.genaudit.engine.image.nn.TrainingData;
import io.genaudit.engine.image.nn.TrainingStep;
import io.genaudit.engine.nn.Adam;
import io.genaudit.engine.train.TrainingRun;
import io.genaudit.engine.train.TrainingSettings;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Trains a DCGAN with the non-saturating BCE adversarial loss (discriminator: real -> 1, fake -> 0; generator:
 * fake -> 1), Adam for both networks, images scaled to [-1,1], in the shared {@link EpochLoop} (seeded shuffling and
 * latents, a checkpoint per epoch, resume). Writes model.json, generator.params and discriminator.params.
 */
public final class DcganTrainer {
    private DcganTrainer() {
    }

    /** Batch size and learning rate of a size preset: tiny 32 and 5e-4, small 64 and 2e-4. */
    public static TrainingSettings defaultSettings(String size, long seed, int epochs) {
        return size.equals("tiny") ? TrainingSettings.of(seed, epochs, 32, 5e-4) : TrainingSettings.of(seed, epochs, 64, 2e-4);
    }

    public static DcganModel train(TrainingData data, DcganConfig cfg, TrainingSettings s, TrainingRun run) throws IOException {
        if (cfg.numClasses() > 0 && data.labels() == null) {
            throw new IllegalArgumentException("a conditional DCGAN needs labelled training data");
        }
        if (Math.min(s.batchSize(), data.size()) < 2) throw new IllegalArgumentException("DCGAN training needs at least 2 images, got " + data.size());
        long t0 = System.nanoTime();
        DcganModel model = DcganModel.create(cfg, s.seed());
        LossHistory hist;
        try (Adam optG = Adam.forBlock(model.generator, model.manager(), cfg.beta1(), 0.999f);
             Adam optD = Adam.forBlock(model.discriminator, model.manager(), cfg.beta1(), 0.999f)) {
            hist = EpochLoop.train(new Step(model, optG, optD, data, (float) s.learningRate()), data.size(), cfg.toMap(), data.sha256(),
                    s, run, model.manager());
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
        String desc = "DCGAN " + cfg.size() + " " + cfg.width() + "x" + cfg.height() + "x" + cfg.channels() + " (z="
                + cfg.latentDim() + (cfg.numClasses() > 0 ? ", conditional on " + data.classNames() : "") + ", "
                + s.epochs() + " epochs on " + data.size() + " images, seed " + s.seed() + ")";
        model.setDescription(desc);
        BlockFiles.save(model.generator, run.modelDir().resolve(DcganModel.GENERATOR_FILE));
        BlockFiles.save(model.discriminator, run.modelDir().resolve(DcganModel.DISCRIMINATOR_FILE));
        Map<String, Object> json = TrainedModelJson.of("dcgan", cfg.toMap(), s, data.sha256(), desc, hist, t0);
        json.put("data", Map.of("description", data.description(), "n", data.size(), "classes", data.classNames()));
        json.put("parameters", Map.of("generator", BlockFiles.parameterCount(model.generator),
                "discriminator", BlockFiles.parameterCount(model.discriminator)));
        json.put("loss", "non-saturating BCE adversarial loss; lossD = BCE(D(x),1) + BCE(D(G(z)),0), lossG = BCE(D(G(z)),1)");
        ModelFolder.writeJson(run.modelDir().resolve(ModelFolder.MODEL_JSON), json);
        return model;
    }

    /** One discriminator step then one generator step; losses {lossD, lossG}. */
    private record Step(DcganModel model, Adam optG, Adam optD, TrainingData data, float lr) implements TrainingStep {
        public Layout layout() {
            return new Layout("dcgan", List.of("lossD", "lossG"), Layout.inOrder("generator", model.generator, "discriminator", model.discriminator),
                    Layout.inOrder("generator", optG, "discriminator", optD));
        }

        public double[] step(int[] perm, int from, int to, long stepSeed) {
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
                optD.step(lr);
                // G step: the same latents through the generator again, this time recording the graph
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray fake = model.generator.forward(model.parameterStore(), new NDList(zin), true).singletonOrThrow();
                    NDArray out = model.discriminator.forward(model.parameterStore(), new NDList(model.discriminatorInput(m, fake, labels)), true).singletonOrThrow();
                    NDArray loss = Tensors.bceWithLogits(out, 1f);
                    gc.backward(loss);
                    lossG = loss.getFloat();
                }
                optG.step(lr);
                optD.zeroGradients();
                return new double[]{lossD, lossG};
            }
        }
    }
}
