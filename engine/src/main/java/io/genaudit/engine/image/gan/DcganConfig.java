package io.genaudit.engine.image.gan;

import io.genaudit.engine.image.nn.ImageModelConfig;
import io.genaudit.engine.image.nn.RecordMaps;

import java.util.Map;

/**
 * Hyper-parameters of a DCGAN: image shape (32x32 or 28x28, 1 or 3 channels), latent size, generator and
 * discriminator widths, number of classes (0 = unconditional) and Adam's beta1. {@link #preset} gives {@code tiny} (tests, seconds) and
 * {@code small} (demo, recognisable shapes in about a minute on 2 cores); batch size and learning rate are
 * training settings ({@link DcganTrainer#defaultSettings}).
 */
public record DcganConfig(String size, int channels, int height, int width, int latentDim, int ngf, int ndf,
                          int numClasses, float beta1) implements ImageModelConfig {
    public DcganConfig {
        if (!((height == 32 && width == 32) || (height == 28 && width == 28))) {
            throw new IllegalArgumentException("DCGAN supports 32x32 or 28x28 images, got " + width + "x" + height);
        }
        if (channels != 1 && channels != 3) throw new IllegalArgumentException("channels must be 1 or 3, got " + channels);
    }

    public static DcganConfig preset(String size, int channels, int height, int width, int numClasses) {
        return switch (size) {
            case "tiny" -> new DcganConfig("tiny", channels, height, width, 16, 8, 8, numClasses, 0.5f);
            case "small" -> new DcganConfig("small", channels, height, width, 32, 16, 16, numClasses, 0.5f);
            default -> throw new IllegalArgumentException("size must be tiny or small, got '" + size + "'");
        };
    }

    public static DcganConfig fromMap(Map<String, Object> m) {
        return RecordMaps.fromMap(DcganConfig.class, m);
    }
}
