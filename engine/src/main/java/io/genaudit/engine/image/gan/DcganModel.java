package io.genaudit.engine.image.gan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
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
 * A DCGAN's generator and discriminator with their weights. As an {@link ImageGenerator} it maps N(0,1) latents
 * (plus class labels when conditional) to images in [0,1], with batch norm in inference mode so an image depends only
 * on its own latent: same seed, same images, whatever the batch size.
 */
public final class DcganModel extends BuiltInImageModel<DcganConfig> {
    public static final String GENERATOR_FILE = "generator.params";
    public static final String DISCRIMINATOR_FILE = "discriminator.params";

    final Block generator;
    final Block discriminator;

    private DcganModel(DcganConfig config, long seed) {
        super(config, "DCGAN", config.numClasses() > 0 ? ", " + config.numClasses() + " classes" : "");
        this.generator = DcganNetworks.generator(config);
        this.discriminator = DcganNetworks.discriminator(config);
        initialize(generator, SeededInitializer.gaussian(Latents.mix(seed, 11, 0), 0.02), new Shape(2, config.latentDim() + config.numClasses()));
        initialize(discriminator, SeededInitializer.gaussian(Latents.mix(seed, 12, 0), 0.02),
                new Shape(2, config.channels() + config.numClasses(), config.height(), config.width()));
    }

    /** A freshly initialised model (weights from {@code seed}). */
    public static DcganModel create(DcganConfig config, long seed) {
        return new DcganModel(config, seed);
    }

    /** Loads a model folder written by {@link DcganTrainer} (model.json + weights). */
    public static DcganModel load(Path dir) throws IOException {
        return load(dir, "dcgan", "DCGAN", DcganConfig.class, c -> new DcganModel(c, 0), m -> List.of(
                new ModelFolder.Weights(GENERATOR_FILE, m.generator), new ModelFolder.Weights(DISCRIMINATOR_FILE, m.discriminator)));
    }

    /** Generator input: latents with the labels' one-hot appended when conditional. */
    NDArray generatorInput(NDManager m, float[] z, int n, int[] labels) {
        NDArray zin = Tensors.create(m, z, new Shape(n, config.latentDim()));
        if (config.numClasses() == 0) return zin;
        return NDArrays.concat(new NDList(zin, Tensors.oneHot(m, labels, config.numClasses())), 1);
    }

    /** Discriminator input: images with one constant channel per class appended when conditional. */
    NDArray discriminatorInput(NDManager m, NDArray images, int[] labels) {
        if (config.numClasses() == 0) return images;
        int n = labels.length;
        NDArray maps = Tensors.oneHot(m, labels, config.numClasses()).reshape(n, config.numClasses(), 1, 1)
                .broadcast(new Shape(n, config.numClasses(), config.height(), config.width()));
        return NDArrays.concat(new NDList(images, maps), 1);
    }

    /** Discriminator logits for images in [0,1] (for audits that probe the discriminator). */
    public synchronized double[] discriminate(Images batch, int[] labels) {
        try (NDManager m = manager.newSubManager()) {
            NDArray x = Tensors.of(m, batch).mul(2).sub(1);
            NDArray out = discriminator.forward(store, new NDList(discriminatorInput(m, x, labels)), false).singletonOrThrow();
            float[] f = out.toFloatArray();
            double[] d = new double[f.length];
            for (int i = 0; i < f.length; i++) d[i] = f[i];
            return d;
        }
    }

    @Override
    public int numClasses() {
        return config.numClasses();
    }

    @Override
    public synchronized Images generate(int n, long seed, int[] labels) {
        if (n < 1) throw new IllegalArgumentException("n must be >= 1");
        int k = config.numClasses();
        if (k > 0) {
            if (labels == null) labels = Latents.labels(n, k, seed);
            if (labels.length != n) throw new IllegalArgumentException(labels.length + " labels for " + n + " images");
            for (int l : labels) if (l < 0 || l >= k) throw new IllegalArgumentException("label " + l + " outside 0.." + (k - 1));
        }
        float[] z = Latents.sample(n, config.latentDim(), seed, Latents.Distribution.NORMAL);
        int size = config.channels() * config.height() * config.width();
        float[] out = new float[n * size];
        int chunk = 256;
        for (int from = 0; from < n; from += chunk) {
            int to = Math.min(n, from + chunk);
            float[] zc = java.util.Arrays.copyOfRange(z, from * config.latentDim(), to * config.latentDim());
            int[] lc = labels == null ? null : java.util.Arrays.copyOfRange(labels, from, to);
            try (NDManager m = manager.newSubManager()) {
                NDArray y = generator.forward(store, new NDList(generatorInput(m, zc, to - from, lc)), false).singletonOrThrow();
                Images img = Tensors.toImages(y, 0.5f, 0.5f);
                System.arraycopy(img.data(), 0, out, from * size, img.data().length);
            }
        }
        return new Images(n, config.channels(), config.height(), config.width(), out);
    }
}
