package io.genaudit.metrics.fidelity;

import io.genaudit.metrics.numerics.DenseLinearAlgebra;
import java.util.Arrays;

/**
 * Running mean and covariance of feature vectors, updated batch by batch and mergeable across shards (torchmetrics
 * style state): count, mean and co-moment {@code M2 = sum (x - mean)(x - mean)^T} in float64. Each batch is centred
 * at its own mean and combined with Chan, Golub and LeVeque's parallel update, so the result does not drift with the
 * number of batches and {@link #merge} of shards equals one pass over all rows up to rounding.
 * {@link #covariance()} uses ddof=1, like {@code numpy.cov(x, rowvar=False)} in pytorch-fid.
 */
public final class GaussianStatistics implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private static final int BLOCK = 512;
    private final int dim;
    private long count;
    private final double[] mean;
    private final double[] comoment; // row-major [dim, dim]

    public GaussianStatistics(int dim) {
        if (dim <= 0) throw new IllegalArgumentException("feature dimension must be positive, got " + dim);
        this.dim = dim;
        this.mean = new double[dim];
        this.comoment = new double[dim * dim];
    }

    /** Statistics of all rows. */
    public static GaussianStatistics of(double[][] rows) {
        if (rows.length == 0) throw new IllegalArgumentException("no rows");
        GaussianStatistics s = new GaussianStatistics(rows[0].length);
        s.update(rows);
        return s;
    }

    /** Statistics of the rows {@code rows[indices[i]]} (a subset or a bootstrap resample, repeats allowed). */
    public static GaussianStatistics of(double[][] rows, int[] indices) {
        if (indices.length == 0) throw new IllegalArgumentException("no rows");
        GaussianStatistics s = new GaussianStatistics(rows[0].length);
        for (int from = 0; from < indices.length; from += BLOCK) {
            int to = Math.min(indices.length, from + BLOCK);
            double[][] block = new double[to - from][];
            for (int i = from; i < to; i++) block[i - from] = rows[indices[i]];
            s.updateBlock(block, 0, block.length);
        }
        return s;
    }

    public int dim() {
        return dim;
    }

    public long count() {
        return count;
    }

    /** Adds a batch of rows (each of length {@link #dim()}). */
    public GaussianStatistics update(double[][] batch) {
        for (int from = 0; from < batch.length; from += BLOCK) {
            updateBlock(batch, from, Math.min(batch.length, from + BLOCK));
        }
        return this;
    }

    private void updateBlock(double[][] batch, int from, int to) {
        int b = to - from;
        if (b == 0) return;
        double[] bm = new double[dim];
        for (int i = from; i < to; i++) {
            double[] r = batch[i];
            if (r.length != dim) throw new IllegalArgumentException("row has " + r.length + " features, expected " + dim);
            for (int j = 0; j < dim; j++) bm[j] += r[j];
        }
        for (int j = 0; j < dim; j++) bm[j] /= b;
        double[] centred = new double[b * dim];
        for (int i = 0; i < b; i++) {
            double[] r = batch[from + i];
            int base = i * dim;
            for (int j = 0; j < dim; j++) centred[base + j] = r[j] - bm[j];
        }
        double[] bM2 = new double[dim * dim];
        DenseLinearAlgebra.gemm(true, centred, false, centred, dim, dim, b, 1.0, 0.0, bM2);
        DenseLinearAlgebra.symmetrize(bM2, dim);
        combine(b, bm, bM2);
    }

    /** Merges another shard's statistics into this one (Chan et al.); returns this. */
    public GaussianStatistics merge(GaussianStatistics other) {
        if (other.dim != dim) throw new IllegalArgumentException("cannot merge statistics of dimension " + other.dim + " into " + dim);
        if (other.count == 0) return this;
        combine(other.count, other.mean, other.comoment);
        return this;
    }

    private void combine(long nb, double[] mb, double[] m2b) {
        long na = count;
        long n = na + nb;
        if (na == 0) {
            System.arraycopy(mb, 0, mean, 0, dim);
            System.arraycopy(m2b, 0, comoment, 0, comoment.length);
            count = nb;
            return;
        }
        double[] delta = new double[dim];
        for (int j = 0; j < dim; j++) delta[j] = mb[j] - mean[j];
        double w = (double) na * (double) nb / (double) n;
        for (int i = 0; i < dim; i++) {
            int base = i * dim;
            double di = delta[i] * w;
            for (int j = 0; j < dim; j++) comoment[base + j] += m2b[base + j] + di * delta[j];
        }
        double f = (double) nb / (double) n;
        for (int j = 0; j < dim; j++) mean[j] += delta[j] * f;
        count = n;
    }

    /** The mean vector (a copy). */
    public double[] mean() {
        return mean.clone();
    }

    /** The sample covariance with ddof=1 (numpy.cov default), as rows; needs at least 2 rows. */
    public double[][] covariance() {
        double[] flat = covarianceFlat();
        double[][] out = new double[dim][];
        for (int i = 0; i < dim; i++) out[i] = Arrays.copyOfRange(flat, i * dim, (i + 1) * dim);
        return out;
    }

    /** The sample covariance (ddof=1), row-major [dim, dim]. */
    public double[] covarianceFlat() {
        if (count < 2) throw new IllegalStateException("covariance needs at least 2 rows, have " + count);
        double[] out = comoment.clone();
        double f = 1.0 / (count - 1);
        for (int i = 0; i < out.length; i++) out[i] *= f;
        return out;
    }
}
