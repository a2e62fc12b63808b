package io.genaudit.metrics.detect;

import io.genaudit.engine.image.Images;

import java.util.SplittableRandom;

/** In-memory test images: smooth random fields ("real") and the same with a generator-like periodic artifact ("fake"). */
final class SyntheticImages {
    private SyntheticImages() {
    }

    /** {@code n} RGB images: white noise box-blurred three times (≈ Gaussian), scaled to about [0.15, 0.85]. */
    static Images smoothFields(int n, int size, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] d = new float[n * 3 * size * size];
        int plane = size * size;
        for (int i = 0; i < n; i++) {
            double[] f = new double[plane];
            for (int p = 0; p < plane; p++) f[p] = r.nextDouble() - 0.5;
            for (int pass = 0; pass < 3; pass++) f = blur(f, size);
            double sd = 0;
            for (double v : f) sd += v * v;
            sd = Math.sqrt(sd / plane);
            double bright = 0.4 + 0.2 * r.nextDouble();
            for (int ch = 0; ch < 3; ch++) {
                double gain = 0.9 + 0.2 * r.nextDouble();
                for (int p = 0; p < plane; p++) {
                    double v = bright + 0.12 * gain * f[p] / sd;
                    d[(i * 3 + ch) * plane + p] = (float) Math.min(1, Math.max(0, v));
                }
            }
        }
        return new Images(n, 3, size, size, d);
    }

    /** Adds a (-1)^(x+y) checkerboard of {@code amplitude}: the classic transposed-convolution artifact. */
    static Images withCheckerboard(Images in, double amplitude) {
        float[] d = in.data().clone();
        int h = in.height(), w = in.width();
        for (int i = 0; i < in.n() * in.channels(); i++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int p = i * h * w + y * w + x;
                    d[p] = (float) Math.min(1, Math.max(0, d[p] + amplitude * (((x + y) & 1) == 0 ? 1 : -1)));
                }
            }
        }
        return new Images(in.n(), in.channels(), h, w, d);
    }

    private static double[] blur(double[] f, int s) {
        double[] o = new double[f.length];
        for (int y = 0; y < s; y++) {
            for (int x = 0; x < s; x++) {
                double sum = 0;
                int c = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int yy = (y + dy + s) % s, xx = (x + dx + s) % s;
                        sum += f[yy * s + xx];
                        c++;
                    }
                }
                o[y * s + x] = sum / c;
            }
        }
        return o;
    }
}
