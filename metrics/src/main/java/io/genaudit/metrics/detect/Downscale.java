package io.genaudit.metrics.detect;

import io.genaudit.engine.image.Images;
import io.genaudit.engine.image.Resize;

/**
 * Shrinks every image (Pillow-style antialiased bilinear, float precision) and scales it back to its original size,
 * which removes high-frequency content such as up-sampling artifacts. {@code factor} in (0,1) scales both sides; a
 * value above 1 is a target height in pixels (width scaled in proportion).
 */
public record Downscale(double factor) implements Perturbation {
    public Downscale {
        if (!(factor > 0) || factor == 1) throw new IllegalArgumentException("downscale factor must be in (0,1) or a height > 1, got " + factor);
    }

    @Override
    public String kind() {
        return "downscale";
    }

    @Override
    public double strength() {
        return factor;
    }

    @Override
    public Images apply(Images batch, long seed) {
        int h = batch.height(), w = batch.width();
        int sh, sw;
        if (factor < 1) {
            sh = Math.max(1, (int) Math.round(h * factor));
            sw = Math.max(1, (int) Math.round(w * factor));
        } else {
            sh = (int) Math.round(factor);
            sw = Math.max(1, (int) Math.round(w * factor / h));
        }
        Images small = Resize.resize(batch, sh, sw, Resize.Filter.BILINEAR, Resize.Precision.FLOAT);
        return Resize.resize(small, h, w, Resize.Filter.BILINEAR, Resize.Precision.FLOAT);
    }
}
