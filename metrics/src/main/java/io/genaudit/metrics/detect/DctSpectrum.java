package io.genaudit.metrics.detect;

import org.jtransforms.dct.DoubleDCT_2D;

/**
 * Frank et al. (2020)'s frequency feature: the log magnitude of the orthonormal 2-D DCT-II of a grayscale image
 * (JTransforms), reduced to a {@code grid x grid} table of block means over the coefficient plane (low frequencies top
 * left), so the dimension is {@code grid²} whatever the image size. GAN up-sampling shows up as a regular grid of
 * elevated coefficients.
 */
public final class DctSpectrum {
    /** Added to |coefficient| before the log (pixel values are in [0,1]). */
    static final double EPS = 1e-6;
    private final int grid;
    private final int height;
    private final int width;
    private final DoubleDCT_2D dct;

    public DctSpectrum(int grid, int height, int width) {
        if (grid < 1) throw new IllegalArgumentException("DCT grid must be at least 1, got " + grid);
        if (height < grid || width < grid) {
            throw new IllegalArgumentException("images of " + height + "x" + width + " are smaller than the DCT grid " + grid);
        }
        this.grid = grid;
        this.height = height;
        this.width = width;
        this.dct = new DoubleDCT_2D(height, width);
    }

    public int dimension() {
        return grid * grid;
    }

    /** The full log-|DCT| plane [height][width] (coefficient (u,v) at row u, column v). */
    public double[][] logPlane(double[][] gray) {
        double[][] a = new double[height][];
        for (int y = 0; y < height; y++) a[y] = gray[y].clone();
        dct.forward(a, true);
        for (double[] row : a) for (int x = 0; x < width; x++) row[x] = Math.log(Math.abs(row[x]) + EPS);
        return a;
    }

    /** Block means of the log-|DCT| plane, row-major over the grid. */
    public double[] compute(double[][] gray) {
        double[][] p = logPlane(gray);
        double[] sum = new double[grid * grid];
        int[] count = new int[grid * grid];
        for (int u = 0; u < height; u++) {
            int bu = u * grid / height;
            for (int v = 0; v < width; v++) {
                int b = bu * grid + v * grid / width;
                sum[b] += p[u][v];
                count[b]++;
            }
        }
        for (int b = 0; b < sum.length; b++) sum[b] /= count[b];
        return sum;
    }
}
