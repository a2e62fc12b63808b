package io.genaudit.metrics.detect;

import io.genaudit.engine.image.ImageSource;
import io.genaudit.engine.image.Resize;

import java.util.Locale;

/**
 * Brings real and generated images to one size for a detectability study by downscaling the larger set to the
 * smaller one's size (Pillow bicubic, 8-bit, as a saved file would be), never upscaling: upscaling small real
 * images to a huge generated size costs memory without adding information.
 *
 * @param real the real images at the common size
 * @param fake the generated images at the common size
 * @param note what was resized, for the report (empty when nothing was)
 */
public record CommonImageSize(ImageSource real, ImageSource fake, int height, int width, String note) {

    /** Matches {@code real} ({@code rh x rw}) and {@code fake} ({@code fh x fw}). */
    public static CommonImageSize of(ImageSource real, int rh, int rw, ImageSource fake, int fh, int fw) {
        if (rh == fh && rw == fw) return new CommonImageSize(real, fake, rh, rw, "");
        boolean fakeSmaller = (long) fh * fw <= (long) rh * rw;
        int h = fakeSmaller ? fh : rh, w = fakeSmaller ? fw : rw;
        String which = fakeSmaller ? "Real" : "Generated";
        String note = String.format(Locale.ROOT, "%s images were downscaled from %dx%d to the %s size %dx%d (Pillow bicubic, 8-bit); "
                        + "resampling leaves its own spectral trace, so part of the detectability may come from the resize.",
                which, fakeSmaller ? rh : fh, fakeSmaller ? rw : fw, fakeSmaller ? "generated" : "real", h, w);
        ImageSource r = fakeSmaller ? real.resized(h, w, Resize.Filter.BICUBIC, Resize.Precision.UINT8) : real;
        ImageSource f = fakeSmaller ? fake : fake.resized(h, w, Resize.Filter.BICUBIC, Resize.Precision.UINT8);
        return new CommonImageSize(r, f, h, w, note);
    }
}
