package io.genaudit.engine.image;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;

/**
 * Converts between java.awt images and {@link Images} batches. Values are quantised to 8 bits as
 * {@code round(clamp(v,0,1)*255)}; grey rasters are read directly (no colour-space conversion) so 8-bit grey
 * PNGs round-trip exactly.
 */
public final class BufferedImages {
    static {
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    private BufferedImages() {
    }

    /** 8-bit value of a [0,1] float, as written to PNG. */
    public static int toByte(float v) {
        if (!(v > 0)) return 0; // also NaN
        if (v >= 1) return 255;
        return Math.round(v * 255f);
    }

    /** Image {@code i} of the batch as an 8-bit RGB (3 channels) or grey (1 channel) image. */
    public static BufferedImage toBufferedImage(Images batch, int i) {
        int h = batch.height(), w = batch.width(), c = batch.channels();
        if (c != 1 && c != 3) throw new IllegalArgumentException("only 1 or 3 channels can be drawn, got " + c);
        float[] d = batch.data();
        int base = i * batch.imageSize();
        if (c == 1) {
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
            var r = img.getRaster();
            for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) r.setSample(x, y, 0, toByte(d[base + y * w + x]));
            return img;
        }
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int plane = h * w;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = base + y * w + x;
                img.setRGB(x, y, (toByte(d[p]) << 16) | (toByte(d[p + plane]) << 8) | toByte(d[p + 2 * plane]));
            }
        }
        return img;
    }

    /**
     * Writes {@code img} as {@code channels} (1 or 3) float planes in [0,1] into {@code out} at {@code offset}. Alpha is
     * dropped (like PIL's {@code convert("RGB")}); colour to grey uses PIL's ITU-R 601-2 luma
     * {@code (R*299 + G*587 + B*114)/1000}; grey to colour repeats the value. 16-bit grey and 16-bit sRGB samples are
     * scaled by 1/65535 (full precision, no 8-bit rounding); other colour spaces (CMYK, ICC-tagged, palette) are
     * converted to 8-bit sRGB by the image's colour model.
     */
    public static void toPlanes(BufferedImage img, int channels, float[] out, int offset) {
        int w = img.getWidth(), h = img.getHeight(), plane = w * h;
        Raster r = img.getRaster();
        boolean grey = img.getColorModel().getColorSpace().getType() == java.awt.color.ColorSpace.TYPE_GRAY
                && img.getColorModel().getNumColorComponents() == 1 && img.getType() != BufferedImage.TYPE_BYTE_INDEXED;
        if (grey) {
            int bits = img.getColorModel().getComponentSize(0);
            float max = (1 << bits) - 1;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float v = r.getSample(x, y, 0) / max;
                    for (int ch = 0; ch < channels; ch++) out[offset + ch * plane + y * w + x] = v;
                }
            }
            return;
        }
        if (wideRgb(img)) {
            float max = (1 << img.getColorModel().getComponentSize(0)) - 1;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float rr = r.getSample(x, y, 0) / max, gg = r.getSample(x, y, 1) / max, bb = r.getSample(x, y, 2) / max;
                    int p = offset + y * w + x;
                    if (channels == 1) {
                        out[p] = (rr * 299 + gg * 587 + bb * 114) / 1000f;
                    } else {
                        out[p] = rr;
                        out[p + plane] = gg;
                        out[p + 2 * plane] = bb;
                    }
                }
            }
            return;
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = img.getRGB(x, y);
                int rr = (rgb >> 16) & 0xff, gg = (rgb >> 8) & 0xff, bb = rgb & 0xff;
                int p = offset + y * w + x;
                if (channels == 1) {
                    out[p] = ((rr * 299 + gg * 587 + bb * 114) / 1000) / 255f;
                } else {
                    out[p] = rr / 255f;
                    out[p + plane] = gg / 255f;
                    out[p + 2 * plane] = bb / 255f;
                }
            }
        }
    }

    /** Whether {@code img} stores sRGB samples wider than 8 bits (a 16-bit PNG or TIFF) in its first three bands. */
    private static boolean wideRgb(BufferedImage img) {
        var cm = img.getColorModel();
        return cm instanceof java.awt.image.ComponentColorModel && cm.getColorSpace().isCS_sRGB()
                && cm.getNumColorComponents() == 3 && cm.getComponentSize(0) > 8 && cm.getComponentSize(0) <= 16
                && img.getRaster().getNumBands() >= 3;
    }

    /** A one-image batch from {@code img}. */
    public static Images fromBufferedImage(BufferedImage img, int channels) {
        float[] d = new float[channels * img.getWidth() * img.getHeight()];
        toPlanes(img, channels, d, 0);
        return new Images(1, channels, img.getHeight(), img.getWidth(), d);
    }
}
