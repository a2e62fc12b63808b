package io.genaudit.engine.image.vae;

import io.genaudit.engine.image.nn.ImageModelConfig;
import io.genaudit.engine.image.nn.RecordMaps;

import java.util.Map;

/**
 * Hyper-parameters of the convolutional VAE: image shape (32x32 or 28x28, 1 or 3 channels), latent size, base
 * number of filters and the KL weight (1 = the standard ELBO).
 * {@link #preset} gives {@code tiny} (tests) and {@code small} (demo); batch size and learning rate are training
 * settings ({@link VaeTrainer#defaultSettings}).
 */
public record VaeConfig(String size, int channels, int height, int width, int latentDim, int filters, float klWeight) implements ImageModelConfig {
    public VaeConfig {
        if (!((height == 32 && width == 32) || (height == 28 && width == 28))) {
            throw new IllegalArgumentException("the VAE supports 32x32 or 28x28 images, got " + width + "x" + height);
        }
        if (channels != 1 && channels != 3) throw new IllegalArgumentException("channels must be 1 or 3, got " + channels);
    }

    public static VaeConfig preset(String size, int channels, int height, int width) {
        return switch (size) {
            case "tiny" -> new VaeConfig("tiny", channels, height, width, 8, 8, 1f);
            case "small" -> new VaeConfig("small", channels, height, width, 16, 16, 1f);
            default -> throw new IllegalArgumentException("size must be tiny or small, got '" + size + "'");
        };
    }

    public static VaeConfig fromMap(Map<String, Object> m) {
        return RecordMaps.fromMap(VaeConfig.class, m);
    }
}
