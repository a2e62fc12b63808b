package io.genaudit.metrics.detect;

import io.genaudit.engine.image.Images;

/**
 * Simple pixel statistics of one image (8 values): mean and standard deviation of each RGB channel (grey images
 * repeat their one channel), gradient energy (mean squared horizontal plus vertical finite difference of the luma) and
 * the saturation share (fraction of channel values clipped at 0 or 1, within 1/255). They catch colour shifts,
 * over-smoothing and range clipping that spectra miss.
 */
public final class PixelStatistics {
    public static final int DIMENSION = 8;
    static final double CLIP = 1.0 / 255;

    private PixelStatistics() {
    }

    public static double[] compute(Images batch, int i, double[][] gray) {
        int h = batch.height(), w = batch.width(), c = batch.channels();
        float[] d = batch.data();
        int plane = h * w;
        int base = i * batch.imageSize();
        double[] out = new double[DIMENSION];
        long clipped = 0;
        for (int ch = 0; ch < 3; ch++) {
            int src = c == 1 ? 0 : ch;
            double s = 0, s2 = 0;
            for (int p = 0; p < plane; p++) {
                double v = d[base + src * plane + p];
                s += v;
                s2 += v * v;
                if (v <= CLIP || v >= 1 - CLIP) clipped++;
            }
            double mean = s / plane;
            out[ch] = mean;
            out[3 + ch] = Math.sqrt(Math.max(0, s2 / plane - mean * mean));
        }
        double g = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (x + 1 < w) {
                    double dx = gray[y][x + 1] - gray[y][x];
                    g += dx * dx;
                }
                if (y + 1 < h) {
                    double dy = gray[y + 1][x] - gray[y][x];
                    g += dy * dy;
                }
            }
        }
        out[6] = g / plane;
        out[7] = (double) clipped / (3.0 * plane);
        return out;
    }
}
