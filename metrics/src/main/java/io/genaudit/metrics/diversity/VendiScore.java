package io.genaudit.metrics.diversity;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

import java.util.stream.IntStream;

/**
 * The Vendi score (Friedman &amp; Dieng 2023): exp of the Shannon entropy of the eigenvalues of K/n, for the cosine
 * similarity kernel K_ij = x_i·x_j / (|x_i||x_j|). It is the "effective number of distinct items": 1 for n identical
 * items, n for n mutually orthogonal ones. Texts are embedded as bag-of-n-gram counts over orders 1..maxN (the n-gram
 * kernel of the authors' {@code ngram_vendi_score}, which uses orders 1..4). For dense features the non-zero
 * eigenvalues of XXᵀ/n equal those of XᵀX/n, so the smaller matrix is decomposed.
 */
public final class VendiScore {
    private VendiScore() {
    }

    /** Vendi score of feature vectors (rows) under the cosine kernel; all-zero rows are rejected. */
    public static double ofFeatures(double[][] x) {
        int n = x.length;
        if (n == 0) throw new IllegalArgumentException("Vendi score needs at least one item");
        int d = x[0].length;
        double[][] u = new double[n][];
        for (int i = 0; i < n; i++) {
            if (x[i].length != d) throw new IllegalArgumentException("row " + i + " has " + x[i].length + " features, expected " + d);
            double norm = 0;
            for (double v : x[i]) norm += v * v;
            norm = Math.sqrt(norm);
            if (norm == 0 || !Double.isFinite(norm)) throw new IllegalArgumentException("row " + i + " has zero or non-finite norm");
            u[i] = new double[d];
            for (int j = 0; j < d; j++) u[i][j] = x[i][j] / norm;
        }
        double[][] k = n <= d ? denseGram(u) : denseScatter(u, d);
        return ofKernel(k, n);
    }

    /**
     * Vendi score of the texts {@code subset} of an index (all when null) under the cosine kernel on their n-gram
     * count vectors, orders 1..maxN. Texts without any token are rejected (they have no direction).
     */
    public static double ofTexts(NgramIndex index, int maxN, int[] subset) {
        if (maxN > index.maxN()) throw new IllegalArgumentException("index has n-grams up to " + index.maxN() + ", asked for " + maxN);
        int[] items = subset != null ? subset : IntStream.range(0, index.texts()).toArray();
        int n = items.length;
        if (n == 0) throw new IllegalArgumentException("Vendi score needs at least one text");
        double[] norms = new double[n];
        for (int a = 0; a < n; a++) {
            double s = 0;
            for (int order = 1; order <= maxN; order++) for (int c : index.counts(order, items[a])) s += (double) c * c;
            if (s == 0) throw new IllegalArgumentException("Vendi score: text " + items[a] + " has no tokens");
            norms[a] = Math.sqrt(s);
        }
        double[][] k = new double[n][n];
        IntStream.range(0, n).parallel().forEach(a -> {
            for (int b = 0; b <= a; b++) {
                double s = 0;
                for (int order = 1; order <= maxN; order++) {
                    s += sparseDot(index.ids(order, items[a]), index.counts(order, items[a]),
                            index.ids(order, items[b]), index.counts(order, items[b]));
                }
                k[a][b] = s / (norms[a] * norms[b]);
            }
        });
        for (int a = 0; a < n; a++) for (int b = 0; b < a; b++) k[b][a] = k[a][b];
        return ofKernel(k, n);
    }

    /** exp(H) of the eigenvalues of {@code k / n} ({@code k} is overwritten). */
    private static double ofKernel(double[][] k, int n) {
        for (double[] row : k) for (int j = 0; j < row.length; j++) row[j] /= n;
        return fromEigenvalues(new EigenDecomposition(new Array2DRowRealMatrix(k, false)).getRealEigenvalues());
    }

    /** exp(-Σ λ log λ) over the positive eigenvalues (numerical negatives and zeros contribute nothing). */
    static double fromEigenvalues(double[] lambda) {
        double h = 0;
        for (double l : lambda) if (l > 0) h -= l * Math.log(l);
        return Math.exp(h);
    }

    private static double sparseDot(int[] ia, int[] ca, int[] ib, int[] cb) {
        double s = 0;
        int p = 0, q = 0;
        while (p < ia.length && q < ib.length) {
            if (ia[p] == ib[q]) s += (double) ca[p++] * cb[q++];
            else if (ia[p] < ib[q]) p++;
            else q++;
        }
        return s;
    }

    private static double[][] denseGram(double[][] u) {
        int n = u.length;
        double[][] k = new double[n][n];
        IntStream.range(0, n).parallel().forEach(i -> {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                double[] a = u[i], b = u[j];
                for (int c = 0; c < a.length; c++) s += a[c] * b[c];
                k[i][j] = s;
            }
        });
        for (int i = 0; i < n; i++) for (int j = 0; j < i; j++) k[j][i] = k[i][j];
        return k;
    }

    private static double[][] denseScatter(double[][] u, int d) {
        double[][] k = new double[d][d];
        IntStream.range(0, d).parallel().forEach(a -> {
            for (int b = 0; b <= a; b++) {
                double s = 0;
                for (double[] row : u) s += row[a] * row[b];
                k[a][b] = s;
            }
        });
        for (int a = 0; a < d; a++) for (int b = 0; b < a; b++) k[b][a] = k[a][b];
        return k;
    }
}
