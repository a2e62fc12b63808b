package io.genaudit.engine.image.nn;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import io.genaudit.engine.TorchThreads;
import io.genaudit.engine.image.ImageGenerator;

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

    protected BuiltInImageModel(C config, String untrainedDescription) {
        this.config = config;
        TorchThreads.pin(); // one intra-op thread, libtorch buffers kept for reuse
        this.manager = NDManager.newBaseManager(io.genaudit.engine.ComputeDevice.current().djl());
        this.store = new ParameterStore(manager, false);
        this.description = untrainedDescription;
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
