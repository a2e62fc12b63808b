package io.genaudit.metrics.detect;

/** Linear resampling of a 1-D profile onto a fixed number of evenly spaced points over the same range. */
final class Interpolation {
    private Interpolation() {
    }

    static double[] resample(double[] v, int points) {
        double[] out = new double[points];
        int n = v.length;
        for (int k = 0; k < points; k++) {
            double pos = points == 1 ? 0 : (double) k * (n - 1) / (points - 1);
            int lo = (int) Math.floor(pos);
            int hi = Math.min(lo + 1, n - 1);
            out[k] = v[lo] + (pos - lo) * (v[hi] - v[lo]);
        }
        return out;
    }
}
