package io.genaudit.engine.image.vae;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Trains the VAE by minimising the negative ELBO per image: Bernoulli reconstruction loss (binary cross-entropy
 * summed over pixels) plus {@code klWeight} times KL(q(z|x) || N(0,I)), with the reparameterisation
 * z = mean + exp(logVar/2) * eps, eps drawn from the seed. Checkpoints every epoch; resume reproduces an uninterrupted run.
 */
public final class VaeTrainer {
    private VaeTrainer() {
    }

    public static VaeModel train(TrainingData data, VaeConfig cfg, TrainingSettings s) throws IOException {
        ConvolutionGradientCheck.ensureSound(); // before anything is written: wrong native gradients stop the run
        Files.createDirectories(s.outDir());
        Map<String, Object> identity = Checkpoint.identity("vae", cfg.toMap(), s.seed(), data.sha256());
        VaeModel model = VaeModel.create(cfg, s.seed());
        LossHistory hist = new LossHistory(List.of("loss", "reconstruction", "kl"));
        int start = 0;
        long t0 = System.nanoTime();
        try (Adam opt = Adam.forBlock(new ai.djl.nn.SequentialBlock().add(model.encoder).add(model.decoder), model.manager(),
                0.9f, 0.999f)) {
            Map<String, Block> blocks = Map.of("encoder", model.encoder, "decoder", model.decoder);
            Map<String, Adam> opts = Map.of("vae", opt);
            if (s.resume()) {
                Optional<Checkpoint> cp = Checkpoint.restore(s.outDir(), model.manager(), blocks, opts, identity);
                if (cp.isPresent()) {
                    hist = cp.get().history();
                    start = cp.get().epochsDone();
                }
            }
            int n = data.size(), b = Math.min(cfg.batchSize(), n), steps = n / b;
            try (Progress p = s.progress().start("train vae " + cfg.size(), (long) Math.max(0, s.epochs() - start) * steps, "steps")) {
                for (int epoch = start; epoch < s.epochs(); epoch++) {
                    int[] perm = Latents.permutation(n, Latents.mix(s.seed(), 1, epoch));
                    for (int step = 0; step < steps; step++) {
                        double[] l = step(model, opt, data, perm, step * b, (step + 1) * b, Latents.mix(s.seed(), 2 + epoch, step));
                        if (!Double.isFinite(l[0])) {
                            throw new IllegalStateException("VAE training diverged: non-finite loss " + l[0] + " at epoch " + (epoch + 1)
                                    + " step " + (step + 1) + "; try another seed");
                        }
                        hist.step("loss", l[0]);
                        hist.step("reconstruction", l[1]);
                        hist.step("kl", l[2]);
                        p.step(1);
                    }
                    hist.endEpoch();
                    p.message(String.format("epoch %d/%d loss %.1f (rec %.1f, kl %.1f)", epoch + 1, s.epochs(),
                            hist.last().get("loss"), hist.last().get("reconstruction"), hist.last().get("kl")));
                    Checkpoint.save(s.outDir(), epoch + 1, blocks, opts, identity, hist);
                }
            }
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
        String desc = "VAE " + cfg.size() + " " + cfg.width() + "x" + cfg.height() + "x" + cfg.channels() + " (z="
                + cfg.latentDim() + ", " + s.epochs() + " epochs on " + data.size() + " images, seed " + s.seed() + ")";
        model.setDescription(desc);
        BlockFiles.save(model.encoder, s.outDir().resolve(VaeModel.ENCODER_FILE));
        BlockFiles.save(model.decoder, s.outDir().resolve(VaeModel.DECODER_FILE));
        Map<String, Object> json = new LinkedHashMap<>(identity);
        json.put("description", desc);
        json.put("epochs", s.epochs());
        json.put("data", Map.of("description", data.description(), "n", data.size()));
        json.put("parameters", Map.of("encoder", BlockFiles.parameterCount(model.encoder),
                "decoder", BlockFiles.parameterCount(model.decoder)));
        json.put("loss", "negative ELBO per image: BCE summed over pixels + klWeight * KL(q(z|x) || N(0,I))");
        json.put("finalLosses", hist.last());
        json.put("history", hist.toMap());
        json.put("trainSecondsThisRun", (System.nanoTime() - t0) / 1e9);
        ModelFolder.writeJson(s.outDir().resolve(ModelFolder.MODEL_JSON), json);
        return model;
    }

    /** One Adam step on images [from, to); returns {loss, reconstruction, kl} per image. */
    private static double[] step(VaeModel model, Adam opt, TrainingData data, int[] perm, int from, int to, long stepSeed) {
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
            opt.step(cfg.learningRate());
            return out;
        }
    }
}
