package io.genaudit.engine.image.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import io.genaudit.engine.image.ImageGenerator;
import io.genaudit.engine.image.nn.BuiltInImageModel;
import io.genaudit.engine.image.Images;
import io.genaudit.engine.image.Latents;
import io.genaudit.engine.image.nn.ModelFolder;
import io.genaudit.engine.image.nn.SeededInitializer;
import io.genaudit.engine.image.nn.Tensors;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A convolutional VAE (Kingma and Welling): encoder to the mean and log-variance of q(z|x), decoder to Bernoulli
 * logits of p(x|z). As an {@link ImageGenerator} it decodes N(0,1) prior samples; {@link #reconstruct} encodes and
 * decodes (with the posterior mean) for reconstruction audits.
 */
public final class VaeModel extends BuiltInImageModel<VaeConfig> {
    public static final String ENCODER_FILE = "encoder.params";
    public static final String DECODER_FILE = "decoder.params";

    final Block encoder;
    final Block decoder;

    private VaeModel(VaeConfig config, long seed) {
        super(config, "VAE", "");
        this.encoder = VaeNetworks.encoder(config);
        this.decoder = VaeNetworks.decoder(config);
        initialize(encoder, SeededInitializer.heUniform(Latents.mix(seed, 21, 0)), new Shape(2, config.channels(), config.height(), config.width()));
        initialize(decoder, SeededInitializer.heUniform(Latents.mix(seed, 22, 0)), new Shape(2, config.latentDim()));
    }

    public static VaeModel create(VaeConfig config, long seed) {
        return new VaeModel(config, seed);
    }

    /** Loads a model folder written by {@link VaeTrainer}. */
    public static VaeModel load(Path dir) throws IOException {
        return load(dir, "vae", "VAE", VaeConfig.class, c -> new VaeModel(c, 0), m -> List.of(
                new ModelFolder.Weights(ENCODER_FILE, m.encoder), new ModelFolder.Weights(DECODER_FILE, m.decoder)));
    }

    /** Encoder output split into {mean, logVariance}, each [B, z]. */
    NDArray[] encode(NDArray x, boolean training) {
        NDArray h = encoder.forward(store, new NDList(x), training).singletonOrThrow();
        NDList parts = h.split(2, 1);
        return new NDArray[]{parts.get(0), parts.get(1)};
    }

    NDArray decodeLogits(NDArray z, boolean training) {
        return decoder.forward(store, new NDList(z), training).singletonOrThrow();
    }

    /** Encodes each image to its posterior mean and decodes it: the model's reconstruction in [0,1]. */
    public synchronized Images reconstruct(Images batch) {
        if (batch.channels() != config.channels() || batch.height() != config.height() || batch.width() != config.width()) {
            throw new IllegalArgumentException("images are " + batch.channels() + "x" + batch.height() + "x" + batch.width()
                    + ", the VAE expects " + config.channels() + "x" + config.height() + "x" + config.width());
        }
        try (NDManager m = manager.newSubManager()) {
            NDArray mean = encode(Tensors.of(m, batch), false)[0];
            return Tensors.toImages(Activation.sigmoid(decodeLogits(mean, false)), 1f, 0f);
        }
    }

    @Override
    public synchronized Images generate(int n, long seed, int[] labels) {
        if (n < 1) throw new IllegalArgumentException("n must be >= 1");
        float[] z = Latents.sample(n, config.latentDim(), seed, Latents.Distribution.NORMAL);
        try (NDManager m = manager.newSubManager()) {
            NDArray x = Activation.sigmoid(decodeLogits(Tensors.create(m, z, new Shape(n, config.latentDim())), false));
            return Tensors.toImages(x, 1f, 0f);
        }
    }
}
