package io.genaudit.engine.image;

/**
 * Antialiased image resizing that reproduces Pillow's {@code Image.resize(size, BICUBIC | BILINEAR)}: a separable
 * convolution (horizontal pass, then vertical) whose kernel support is widened by the downscale factor, bicubic with
 * a = -0.5. Two precisions, as in Pillow: {@link Precision#FLOAT} is mode "F" (double accumulation, float32
 * intermediate) and {@link Precision#UINT8} is the 8-bit path (22-bit fixed-point weights, rounding and clipping
 * after each pass).
 *
 * <p>Which one to use (the clean-fid lesson: resizing differences alone move FID by several points):
 * Inception/CLIP-style feature extractors for FID, KID and precision/recall resize with {@link #cleanFid}
 * (bicubic, FLOAT, clipped to [0,1]) exactly like clean-fid's "clean" mode; metrics that must see what a user sees in a
 * saved file (e.g. deepfake detectors fed PNGs) use {@link Filter#BICUBIC} with {@link Precision#UINT8}. Extractors
 * trained at the data's own size (the genaudit shapes CNN, 32x32) need no resizing at all. Never mix two resizers in
 * one comparison.
 */
public final class Resize {
    private Resize() {
    }

    /** Pillow's resampling filters that genaudit supports. */
    public enum Filter {
        BILINEAR(1.0) {
            double weight(double x) {
                if (x < 0) x = -x;
                return x < 1 ? 1 - x : 0;
            }
        },
        BICUBIC(2.0) {
            double weight(double x) {
                final double a = -0.5;
                if (x < 0) x = -x;
                if (x < 1) return ((a + 2) * x - (a + 3)) * x * x + 1;
                if (x < 2) return (((x - 5) * x + 8) * x - 4) * a;
                return 0;
            }
        };

        final double support;

        Filter(double support) {
            this.support = support;
        }

        abstract double weight(double x);
    }

    /** Pillow's two arithmetic paths: mode "F" images, or 8-bit images. */
    public enum Precision { FLOAT, UINT8 }

    private static final int PRECISION_BITS = 32 - 8 - 2;

    /** Kernel weights of one output axis: for output k, taps {@code weights[k*ksize .. +count[k]]} start at input {@code first[k]}. */
    private record Coeffs(int ksize, int[] first, int[] count, double[] weights) {
    }

    private static Coeffs coeffs(int inSize, int outSize, Filter filter) {
        double scale = (double) inSize / outSize;
        double filterscale = Math.max(scale, 1.0);
        double support = filter.support * filterscale;
        int ksize = (int) Math.ceil(support) * 2 + 1;
        int[] first = new int[outSize], count = new int[outSize];
        double[] kk = new double[outSize * ksize];
        double ss = 1.0 / filterscale;
        for (int xx = 0; xx < outSize; xx++) {
            double center = (xx + 0.5) * scale;
            int xmin = (int) (center - support + 0.5); // C cast: truncation toward zero
            if (xmin < 0) xmin = 0;
            int xmax = (int) (center + support + 0.5);
            if (xmax > inSize) xmax = inSize;
            xmax -= xmin;
            double ww = 0;
            for (int x = 0; x < xmax; x++) {
                double w = filter.weight((x + xmin - center + 0.5) * ss);
                kk[xx * ksize + x] = w;
                ww += w;
            }
            for (int x = 0; x < xmax; x++) if (ww != 0) kk[xx * ksize + x] /= ww;
            first[xx] = xmin;
            count[xx] = xmax;
        }
        return new Coeffs(ksize, first, count, kk);
    }

    /** Resizes one h x w plane of floats (Pillow mode "F"). */
    public static float[] resizeFloat(float[] in, int h, int w, int outH, int outW, Filter filter) {
        check(in.length, h, w, outH, outW);
        float[] cur = in;
        int curW = w;
        if (outW != w) {
            Coeffs c = coeffs(w, outW, filter);
            float[] out = new float[h * outW];
            for (int y = 0; y < h; y++) {
                for (int xx = 0; xx < outW; xx++) {
                    double s = 0;
                    int off = xx * c.ksize, x0 = c.first[xx];
                    for (int k = 0; k < c.count[xx]; k++) s += cur[y * curW + x0 + k] * c.weights[off + k];
                    out[y * outW + xx] = (float) s;
                }
            }
            cur = out;
            curW = outW;
        }
        if (outH != h) {
            Coeffs c = coeffs(h, outH, filter);
            float[] out = new float[outH * curW];
            for (int yy = 0; yy < outH; yy++) {
                int off = yy * c.ksize, y0 = c.first[yy];
                for (int x = 0; x < curW; x++) {
                    double s = 0;
                    for (int k = 0; k < c.count[yy]; k++) s += cur[(y0 + k) * curW + x] * c.weights[off + k];
                    out[yy * curW + x] = (float) s;
                }
            }
            cur = out;
        }
        return cur == in ? in.clone() : cur;
    }

    /** Resizes one h x w plane of 8-bit values (0..255 in an int array), Pillow's fixed-point path. */
    public static int[] resizeUint8(int[] in, int h, int w, int outH, int outW, Filter filter) {
        check(in.length, h, w, outH, outW);
        int[] cur = in;
        int curW = w;
        if (outW != w) {
            Coeffs c = coeffs(w, outW, filter);
            int[] kk = fixedPoint(c.weights);
            int[] out = new int[h * outW];
            for (int y = 0; y < h; y++) {
                for (int xx = 0; xx < outW; xx++) {
                    int s = 1 << (PRECISION_BITS - 1);
                    int off = xx * c.ksize, x0 = c.first[xx];
                    for (int k = 0; k < c.count[xx]; k++) s += cur[y * curW + x0 + k] * kk[off + k];
                    out[y * outW + xx] = clip8(s);
                }
            }
            cur = out;
            curW = outW;
        }
        if (outH != h) {
            Coeffs c = coeffs(h, outH, filter);
            int[] kk = fixedPoint(c.weights);
            int[] out = new int[outH * curW];
            for (int yy = 0; yy < outH; yy++) {
                int off = yy * c.ksize, y0 = c.first[yy];
                for (int x = 0; x < curW; x++) {
                    int s = 1 << (PRECISION_BITS - 1);
                    for (int k = 0; k < c.count[yy]; k++) s += cur[(y0 + k) * curW + x] * kk[off + k];
                    out[yy * curW + x] = clip8(s);
                }
            }
            cur = out;
        }
        return cur == in ? in.clone() : cur;
    }

    private static int[] fixedPoint(double[] w) {
        int[] k = new int[w.length];
        for (int i = 0; i < w.length; i++) {
            k[i] = w[i] < 0 ? (int) (-0.5 + w[i] * (1 << PRECISION_BITS)) : (int) (0.5 + w[i] * (1 << PRECISION_BITS));
        }
        return k;
    }

    private static int clip8(int s) {
        int v = s >> PRECISION_BITS;
        return v < 0 ? 0 : Math.min(v, 255);
    }

    private static void check(int len, int h, int w, int outH, int outW) {
        if (len != h * w) throw new IllegalArgumentException("plane has " + len + " values, expected " + h + "x" + w);
        if (h < 1 || w < 1 || outH < 1 || outW < 1) throw new IllegalArgumentException("sizes must be positive");
    }

    /**
     * Resizes every plane of a batch. FLOAT resizes the [0,1] values directly (no clipping: bicubic overshoots);
     * UINT8 first quantises each value to 8 bits (as saving to PNG would), resizes with Pillow's 8-bit path and maps back
     * to [0,1].
     */
    public static Images resize(Images batch, int outH, int outW, Filter filter, Precision precision) {
        int h = batch.height(), w = batch.width(), planes = batch.n() * batch.channels();
        if (h == outH && w == outW) return batch;
        float[] out = new float[planes * outH * outW];
        java.util.stream.IntStream.range(0, planes).parallel().forEach(p -> {
            if (precision == Precision.FLOAT) {
                float[] in = new float[h * w];
                System.arraycopy(batch.data(), p * h * w, in, 0, h * w);
                System.arraycopy(resizeFloat(in, h, w, outH, outW, filter), 0, out, p * outH * outW, outH * outW);
            } else {
                int[] in = new int[h * w];
                for (int i = 0; i < h * w; i++) in[i] = BufferedImages.toByte(batch.data()[p * h * w + i]);
                int[] r = resizeUint8(in, h, w, outH, outW, filter);
                for (int i = 0; i < r.length; i++) out[p * outH * outW + i] = r[i] / 255f;
            }
        });
        return new Images(batch.n(), batch.channels(), outH, outW, out);
    }

    /**
     * clean-fid's resizer: Pillow bicubic in mode "F" per channel, then clipped to the valid range. Use this before an
     * Inception-style extractor so FID/KID numbers are comparable with clean-fid's.
     */
    public static Images cleanFid(Images batch, int outH, int outW) {
        Images r = resize(batch, outH, outW, Filter.BICUBIC, Precision.FLOAT);
        if (r == batch) return batch;
        float[] d = r.data();
        for (int i = 0; i < d.length; i++) d[i] = Math.max(0f, Math.min(1f, d[i]));
        return r;
    }

    /**
     * PyTorch's {@code F.interpolate(x, size, mode="bilinear", align_corners=False)} without antialiasing, as
     * pytorch-fid resizes inside its Inception network (the "legacy" resize: downscaling aliases, unlike Pillow's).
     * Source coordinate {@code (dst + 0.5) * in / out - 0.5}, clamped at 0; the two nearest taps, clamped at the edge.
     */
    public static Images torchBilinear(Images batch, int outH, int outW) {
        int h = batch.height(), w = batch.width(), planes = batch.n() * batch.channels();
        if (h == outH && w == outW) return batch;
        int[] y0 = new int[outH], y1 = new int[outH], x0 = new int[outW], x1 = new int[outW];
        float[] ly = new float[outH], lx = new float[outW];
        taps(h, outH, y0, y1, ly);
        taps(w, outW, x0, x1, lx);
        float[] in = batch.data();
        float[] out = new float[planes * outH * outW];
        for (int p = 0; p < planes; p++) {
            int ib = p * h * w, ob = p * outH * outW;
            for (int y = 0; y < outH; y++) {
                float wy = ly[y];
                int r0 = ib + y0[y] * w, r1 = ib + y1[y] * w;
                for (int x = 0; x < outW; x++) {
                    float wx = lx[x];
                    float top = (1 - wx) * in[r0 + x0[x]] + wx * in[r0 + x1[x]];
                    float bottom = (1 - wx) * in[r1 + x0[x]] + wx * in[r1 + x1[x]];
                    out[ob + y * outW + x] = (1 - wy) * top + wy * bottom;
                }
            }
        }
        return new Images(batch.n(), batch.channels(), outH, outW, out);
    }

    private static void taps(int in, int out, int[] i0, int[] i1, float[] lambda) {
        float scale = (float) in / out;
        for (int d = 0; d < out; d++) {
            float src = Math.max(0f, scale * (d + 0.5f) - 0.5f);
            int a = (int) src;
            i0[d] = Math.min(a, in - 1);
            i1[d] = Math.min(a + 1, in - 1);
            lambda[d] = src - a;
        }
    }
}
