package io.genaudit.metrics.detect;

import io.genaudit.engine.image.Images;

/** Luma (ITU-R BT.601: 0.299 R + 0.587 G + 0.114 B) of one image of a batch, as rows of doubles for the transforms. */
final class Grayscale {
    private Grayscale() {
    }

    static double[][] of(Images batch, int i) {
        int h = batch.height(), w = batch.width(), c = batch.channels();
        if (c != 1 && c < 3) throw new IllegalArgumentException("grayscale needs 1 or 3 channels, got " + c);
        float[] d = batch.data();
        int plane = h * w;
        int base = i * batch.imageSize();
        double[][] g = new double[h][w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = base + y * w + x;
                g[y][x] = c == 1 ? d[p] : 0.299 * d[p] + 0.587 * d[p + plane] + 0.114 * d[p + 2 * plane];
            }
        }
        return g;
    }
}
