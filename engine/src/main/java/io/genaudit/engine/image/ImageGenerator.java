package io.genaudit.engine.image;

/**
 * A model that maps latent vectors (and optionally class labels) to images in [0,1]. Built-in DCGAN and VAE and
 * TorchScript/ONNX generators answer through this interface.
 */
public interface ImageGenerator extends AutoCloseable {
    int latentDim();

    /** Number of classes for a conditional generator, 0 when unconditional. */
    default int numClasses() {
        return 0;
    }

    int channels();

    int height();

    int width();

    /** Generates {@code n} images from latents drawn with {@code seed}; same seed, same images. Labels may be null. */
    Images generate(int n, long seed, int[] labels);

    /**
     * The seed of batch {@code index} (from 0) of {@link #samples}: {@code seed + index * 1_000_003}, so any machine can
     * make any batch on its own (Spark executors sample batch by batch with it).
     */
    static long batchSeed(long seed, long index) {
        return seed + index * 1_000_003L;
    }

    /** A stream of {@code total} samples, batch by batch, deterministic in {@code seed}; batch k uses {@link #batchSeed}. */
    default ImageSource samples(int total, long seed) {
        return new GeneratorImageSource(this, total, seed);
    }

    String describe();

    @Override
    void close();
}
