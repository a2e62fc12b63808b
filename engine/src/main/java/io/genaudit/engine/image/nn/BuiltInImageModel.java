package io.genaudit.engine.image.nn;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import io.genaudit.engine.TorchThreads;
import io.genaudit.engine.image.ImageGenerator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * What the built-in image generators (DCGAN, VAE) share: their configuration, the engine memory their two networks
 * live in, the parameter store they run with, and their one-line description. Subclasses build and initialise the
 * networks in {@link #manager}; image geometry comes from the configuration.
 */
public abstract class BuiltInImageModel<C extends ImageModelConfig> implements ImageGenerator {
    protected final C config;
    protected final NDManager manager;
    protected final ParameterStore store;
    private String description;

    /**
     * @param title  the architecture as the description names it ({@code DCGAN})
     * @param detail what the description adds after the latent size (e.g. {@code ", 4 classes"}), or ""
     */
    protected BuiltInImageModel(C config, String title, String detail) {
        this.config = config;
        TorchThreads.pin(); // one intra-op thread, libtorch buffers kept for reuse
        this.manager = NDManager.newBaseManager(io.genaudit.engine.ComputeDevice.current().djl());
        this.store = new ParameterStore(manager, false);
        this.description = title + " " + config.size() + " " + config.width() + "x" + config.height() + "x" + config.channels()
                + " (z=" + config.latentDim() + detail + ", untrained)";
    }

    /**
     * Loads a model folder holding a model of {@code architecture}: the model built untrained from model.json's
     * configuration, the weights files {@code weights} names read into its blocks, and model.json's description.
     */
    protected static <R extends Record & ImageModelConfig, M extends BuiltInImageModel<R>> M load(Path dir, String architecture,
            String label, Class<R> type, Function<R, M> untrained, Function<M, List<ModelFolder.Weights>> weights) throws IOException {
        ModelFolder.Header<R> h = ModelFolder.readHeader(dir, architecture, label, type);
        M model = untrained.apply(h.config());
        ModelFolder.loadWeights(dir, model, model.manager, weights.apply(model).toArray(ModelFolder.Weights[]::new));
        model.setDescription(h.description());
        return model;
    }

    public C config() {
        return config;
    }

    /** The engine memory the networks live in (for trainers and weight loading). */
    public NDManager manager() {
        return manager;
    }

    /** The parameter store the networks run with (for trainers). */
    public ParameterStore parameterStore() {
        return store;
    }

    /** Replaces the description (after training or loading). */
    public void setDescription(String description) {
        this.description = description;
    }

    @Override
    public int latentDim() {
        return config.latentDim();
    }

    @Override
    public int channels() {
        return config.channels();
    }

    @Override
    public int height() {
        return config.height();
    }

    @Override
    public int width() {
        return config.width();
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        manager.close();
    }
}
