package io.genaudit.engine.image.gan;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hyper-parameters of a DCGAN: image shape (32x32 or 28x28, 1 or 3 channels), latent size, generator and
 * discriminator widths, number of classes (0 = unconditional), batch size and Adam settings. {@link #preset} gives
 * {@code tiny} (tests, seconds) and {@code small} (demo, recognisable shapes in about a minute on 2 cores).
 */
public record DcganConfig(String size, int channels, int height, int width, int latentDim, int ngf, int ndf,
                          int numClasses, int batchSize, float learningRate, float beta1) {
    public DcganConfig {
        if (!((height == 32 && width == 32) || (height == 28 && width == 28))) {
            throw new IllegalArgumentException("DCGAN supports 32x32 or 28x28 images, got " + width + "x" + height);
        }
        if (channels != 1 && channels != 3) throw new IllegalArgumentException("channels must be 1 or 3, got " + channels);
    }

    public static DcganConfig preset(String size, int channels, int height, int width, int numClasses) {
        return switch (size) {
            case "tiny" -> new DcganConfig("tiny", channels, height, width, 16, 8, 8, numClasses, 32, 5e-4f, 0.5f);
            case "small" -> new DcganConfig("small", channels, height, width, 32, 16, 16, numClasses, 64, 2e-4f, 0.5f);
            default -> throw new IllegalArgumentException("size must be tiny or small, got '" + size + "'");
        };
    }

    /** Spatial size the generator starts from (4 for 32x32, 7 for 28x28). */
    int baseSize() {
        return height == 28 ? 7 : 4;
    }

    /** Number of up-/down-sampling stages. */
    int levels() {
        return height == 28 ? 2 : 3;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("size", size);
        m.put("channels", channels);
        m.put("height", height);
        m.put("width", width);
        m.put("latentDim", latentDim);
        m.put("ngf", ngf);
        m.put("ndf", ndf);
        m.put("numClasses", numClasses);
        m.put("batchSize", batchSize);
        m.put("learningRate", (double) learningRate);
        m.put("beta1", (double) beta1);
        return m;
    }

    public static DcganConfig fromMap(Map<String, Object> m) {
        return new DcganConfig((String) m.get("size"), num(m, "channels"), num(m, "height"), num(m, "width"),
                num(m, "latentDim"), num(m, "ngf"), num(m, "ndf"), num(m, "numClasses"), num(m, "batchSize"),
                ((Number) m.get("learningRate")).floatValue(), ((Number) m.get("beta1")).floatValue());
    }

    private static int num(Map<String, Object> m, String k) {
        return ((Number) m.get(k)).intValue();
    }
}
