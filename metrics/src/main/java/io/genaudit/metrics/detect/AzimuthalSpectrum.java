package io.genaudit.metrics.detect;

import org.jtransforms.fft.DoubleFFT_2D;

/**
 * Durall et al. (2020)'s 1-D spectrum: the azimuthal average of the centred 2-D log power spectrum of a grayscale image
 * (JTransforms FFT), averaged over integer-radius rings and resampled by linear interpolation to a fixed number of
 * radial bins from DC (bin 0) to the corner frequency, so images of any size give vectors of the same length.
 * Up-sampling layers of generators leave excess or missing power at high radial frequencies, which this exposes.
 */
public final class AzimuthalSpectrum {
    /** Added to the power before the log so that exactly-zero frequencies stay finite. */
    static final double EPS = 1e-10;
    private final int bins;
    private final int height;
    private final int width;
    private final DoubleFFT_2D fft;
    private final int[] ring;
    private final int rings;

    public AzimuthalSpectrum(int bins, int height, int width) {
        if (bins < 2) throw new IllegalArgumentException("at least 2 radial bins, got " + bins);
        if (height < 4 || width < 4) throw new IllegalArgumentException("images of at least 4x4 pixels, got " + height + "x" + width);
        this.bins = bins;
        this.height = height;
        this.width = width;
        this.fft = new DoubleFFT_2D(height, width);
        this.ring = new int[height * width];
        int cy = height / 2, cx = width / 2;
        int max = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = (int) Math.sqrt((double) (y - cy) * (y - cy) + (double) (x - cx) * (x - cx));
                ring[y * width + x] = r;
                max = Math.max(max, r);
            }
        }
        this.rings = max + 1;
    }

    public int bins() {
        return bins;
    }

    /** The log-power ring means for every integer radius 0..R (centred spectrum; power normalised by pixel count). */
    public double[] ringProfile(double[][] gray) {
        double[][] a = new double[height][2 * width];
        for (int y = 0; y < height; y++) System.arraycopy(gray[y], 0, a[y], 0, width);
        fft.realForwardFull(a);
        double[] sum = new double[rings];
        int[] count = new int[rings];
        double norm = (double) height * width;
        for (int y = 0; y < height; y++) {
            int sy = (y + height / 2) % height; // fftshift: frequency row y lands at row sy
            for (int x = 0; x < width; x++) {
                int sx = (x + width / 2) % width;
                double re = a[y][2 * x], im = a[y][2 * x + 1];
                double power = (re * re + im * im) / norm;
                int r = ring[sy * width + sx];
                sum[r] += Math.log(power + EPS);
                count[r]++;
            }
        }
        double[] profile = new double[rings];
        for (int r = 0; r < rings; r++) profile[r] = sum[r] / count[r];
        return profile;
    }

    /** The profile resampled to {@link #bins()} evenly spaced radii from 0 to the largest ring. */
    public double[] compute(double[][] gray) {
        return Interpolation.resample(ringProfile(gray), bins);
    }
}
