package io.genaudit.engine.image.nn;

import io.genaudit.engine.image.ImageGenerator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * What the built-in image generators (DCGAN, VAE) share beyond a {@link NetworkModel}: their configuration, which
 * gives the image geometry and the untrained description, and how a model folder is loaded. Subclasses build and
 * initialise their two networks in {@link #manager}.
 */
public abstract class BuiltInImageModel<C extends ImageModelConfig> extends NetworkModel implements ImageGenerator {
    protected final C config;

    /**
     * @param title  the architecture as the description names it ({@code DCGAN})
     * @param detail what the description adds after the latent size (e.g. {@code ", 4 classes"}), or ""
     */
    protected BuiltInImageModel(C config, String title, String detail) {
        super(title + " " + config.size() + " " + config.width() + "x" + config.height() + "x" + config.channels()
                + " (z=" + config.latentDim() + detail + ", untrained)");
        this.config = config;
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
}
