package io.genaudit.metrics.detect;

import io.genaudit.engine.image.Images;
import io.genaudit.engine.image.Resize;

/**
 * Shrinks every image (Pillow-style antialiased bilinear, float precision) and scales it back to its original size,
 * which removes high-frequency content such as up-sampling artifacts.
 *
 * @param strength the scale factor: in (0,1) it scales both sides; above 1 it is a target height in pixels (width
 *                 scaled in proportion)
 */
public record Downscale(double strength) implements Perturbation {
    public Downscale {
        if (!(strength > 0) || strength == 1) throw new IllegalArgumentException("downscale factor must be in (0,1) or a height > 1, got " + strength);
    }

    @Override
    public Images apply(Images batch, long seed) {
        int h = batch.height(), w = batch.width();
        int sh, sw;
        if (strength < 1) {
            sh = Math.max(1, (int) Math.round(h * strength));
            sw = Math.max(1, (int) Math.round(w * strength));
        } else {
            sh = (int) Math.round(strength);
            sw = Math.max(1, (int) Math.round(w * strength / h));
        }
        Images small = Resize.resize(batch, sh, sw, Resize.Filter.BILINEAR, Resize.Precision.FLOAT);
        return Resize.resize(small, h, w, Resize.Filter.BILINEAR, Resize.Precision.FLOAT);
    }
}
