package io.genaudit.engine.image.nn;

/** What every built-in image model's configuration names: its preset, image geometry and latent size. */
public interface ImageModelConfig {
    String size();

    int channels();

    int height();

    int width();

    int latentDim();
}
