package io.genaudit.engine.image.vae;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
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
 * Trains the VAE by minimising the negative ELBO per image: Bernoulli reconstruction loss (binary cross-entropy
 * summed over pixels) plus {@code klWeight} times KL(q(z|x) || N(0,I)), with the reparameterisation
 * z = mean + exp(logVar/2) * eps, eps drawn from the step seed, in the shared {@link EpochLoop} (a checkpoint per
 * epoch, resume). Writes model.json, encoder.params and decoder.params.
 */
public final class VaeTrainer {
    private VaeTrainer() {
    }

    /** Batch size and learning rate of a size preset: tiny 32 and 2e-3, small 64 and 1e-3. */
    public static TrainingSettings defaultSettings(String size, long seed, int epochs) {
        return size.equals("tiny") ? TrainingSettings.of(seed, epochs, 32, 2e-3) : TrainingSettings.of(seed, epochs, 64, 1e-3);
    }

    public static VaeModel train(TrainingData data, VaeConfig cfg, TrainingSettings s, TrainingRun run) throws IOException {
        long t0 = System.nanoTime();
        VaeModel model = VaeModel.create(cfg, s.seed());
        LossHistory hist;
        try (Adam opt = Adam.forBlock(new ai.djl.nn.SequentialBlock().add(model.encoder).add(model.decoder), model.manager(),
                0.9f, 0.999f)) {
            hist = EpochLoop.train(new Step(model, opt, data, (float) s.learningRate()), data.size(), cfg.toMap(), data.sha256(),
                    s, run, model.manager());
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
        String desc = "VAE " + cfg.size() + " " + cfg.width() + "x" + cfg.height() + "x" + cfg.channels() + " (z="
                + cfg.latentDim() + ", " + s.epochs() + " epochs on " + data.size() + " images, seed " + s.seed() + ")";
        model.setDescription(desc);
        BlockFiles.save(model.encoder, run.modelDir().resolve(VaeModel.ENCODER_FILE));
        BlockFiles.save(model.decoder, run.modelDir().resolve(VaeModel.DECODER_FILE));
        Map<String, Object> json = TrainedModelJson.of("vae", cfg.toMap(), s, data.sha256(), desc, hist, t0);
        json.put("data", Map.of("description", data.description(), "n", data.size()));
        json.put("parameters", Map.of("encoder", BlockFiles.parameterCount(model.encoder),
                "decoder", BlockFiles.parameterCount(model.decoder)));
        json.put("loss", "negative ELBO per image: BCE summed over pixels + klWeight * KL(q(z|x) || N(0,I))");
        ModelFolder.writeJson(run.modelDir().resolve(ModelFolder.MODEL_JSON), json);
        return model;
    }

    /** One Adam step on the encoder and decoder together; losses {loss, reconstruction, kl} per image. */
    private record Step(VaeModel model, Adam opt, TrainingData data, float lr) implements TrainingStep {
        public Layout layout() {
            return new Layout("vae", List.of("loss", "reconstruction", "kl"), Layout.inOrder("encoder", model.encoder, "decoder", model.decoder),
                    Map.of("vae", opt));
        }

        public double[] step(int[] perm, int from, int to, long stepSeed) {
            VaeConfig cfg = model.config();
            int b = to - from;
            try (NDManager m = model.manager().newSubManager()) {
                NDArray x = Tensors.gather(m, data.images(), perm, from, to, 1f, 0f);
                NDArray eps = Tensors.create(m, Latents.sample(b, cfg.latentDim(), stepSeed, Latents.Distribution.NORMAL), new Shape(b, cfg.latentDim()));
                double[] out = new double[3];
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray[] ml = model.encode(x, true);
                    NDArray logVar = NegativeElbo.boundLogVariance(ml[1]);
                    NDArray logits = model.decodeLogits(NegativeElbo.sample(ml[0], logVar, eps), true);
                    NegativeElbo loss = NegativeElbo.of(logits, x, ml[0], logVar, cfg.klWeight());
                    gc.backward(loss.total());
                    out[0] = loss.total().getFloat();
                    out[1] = loss.reconstruction().getFloat();
                    out[2] = loss.kl().getFloat();
                }
                opt.step(lr);
                return out;
            }
        }
    }
}
