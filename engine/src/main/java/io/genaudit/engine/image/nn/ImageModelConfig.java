package io.genaudit.engine.image.nn;

/** What every built-in image model's configuration names: its preset, image geometry and latent size. */
public interface ImageModelConfig {
    String size();

    int channels();

    int height();

    int width();

    int latentDim();

    /** Spatial size the generator (or decoder) starts from: 4 for 32x32 images, 7 for 28x28. */
    default int baseSize() {
        return height() == 28 ? 7 : 4;
    }

    /** Number of up-/down-sampling stages: 3 for 32x32 images, 2 for 28x28. */
    default int levels() {
        return height() == 28 ? 2 : 3;
    }

    /** The hyper-parameters as model.json stores them ({@link RecordMaps}). */
    default java.util.Map<String, Object> toMap() {
        return RecordMaps.toMap((Record) this);
    }
}
