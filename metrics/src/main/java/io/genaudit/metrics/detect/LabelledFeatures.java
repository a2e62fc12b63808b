package io.genaudit.metrics.detect;

/**
 * Feature rows of real (label 0) then generated (label 1) images, ready for cross-validation, with the per-class mean
 * of any column range (the mean spectra that show a generator's frequency fingerprint).
 */
public record LabelledFeatures(double[][] x, int[] labels, int nReal, int nFake) {

    public static LabelledFeatures of(double[][] real, double[][] fake) {
        double[][] x = new double[real.length + fake.length][];
        int[] y = new int[x.length];
        System.arraycopy(real, 0, x, 0, real.length);
        System.arraycopy(fake, 0, x, real.length, fake.length);
        for (int i = real.length; i < x.length; i++) y[i] = 1;
        return new LabelledFeatures(x, y, real.length, fake.length);
    }

    /** Column-wise mean of columns [from, to) over rows with {@code label}. */
    public double[] classMean(int label, int from, int to) {
        double[] m = classSum(label, from, to);
        int n = 0;
        for (int y : labels) if (y == label) n++;
        for (int j = 0; j < m.length; j++) m[j] /= Math.max(n, 1);
        return m;
    }

    /** Column-wise sum of columns [from, to) over rows with {@code label}. */
    public double[] classSum(int label, int from, int to) {
        double[] m = new double[to - from];
        for (int i = 0; i < x.length; i++) {
            if (labels[i] != label) continue;
            for (int j = from; j < to; j++) m[j - from] += x[i][j];
        }
        return m;
    }
}
