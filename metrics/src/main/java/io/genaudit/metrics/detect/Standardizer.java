package io.genaudit.metrics.detect;

/**
 * Per-feature z-scoring fitted on training rows only (so no test statistics leak into the detector): {@code (x - mean) / sd},
 * with constant features (sd = 0) mapped to 0.
 */
public record Standardizer(double[] mean, double[] sd) {
    public static Standardizer fit(double[][] x) {
        if (x.length == 0) throw new IllegalArgumentException("cannot standardise zero rows");
        int d = x[0].length;
        double[] m = new double[d], s = new double[d];
        for (double[] r : x) for (int j = 0; j < d; j++) m[j] += r[j];
        for (int j = 0; j < d; j++) m[j] /= x.length;
        for (double[] r : x) for (int j = 0; j < d; j++) s[j] += (r[j] - m[j]) * (r[j] - m[j]);
        for (int j = 0; j < d; j++) s[j] = x.length > 1 ? Math.sqrt(s[j] / (x.length - 1)) : 0;
        return new Standardizer(m, s);
    }

    public double[] apply(double[] r) {
        if (r.length != mean.length) throw new IllegalArgumentException("feature row has " + r.length + " values, expected " + mean.length);
        double[] o = new double[r.length];
        for (int j = 0; j < r.length; j++) o[j] = sd[j] > 0 ? (r[j] - mean[j]) / sd[j] : 0;
        return o;
    }

    public double[][] apply(double[][] x) {
        double[][] o = new double[x.length][];
        for (int i = 0; i < x.length; i++) o[i] = apply(x[i]);
        return o;
    }
}
