package io.genaudit.metrics.fidelity;

import java.io.Serializable;

/**
 * One batch of input for the two-sample fidelity metrics (FID, KID, precision/recall/density/coverage): feature rows
 * of the real or the generated side, starting at global row {@code firstRow} of that side, or a side given only as
 * precomputed statistics (a pytorch-fid {@code .npz}). Row ids make shard merges independent of arrival order.
 *
 * @param side     which set the rows belong to
 * @param firstRow the global index of {@code rows[0]} within its side
 * @param rows     feature rows [b, D], or null for a statistics-only batch
 * @param moments  the side's precomputed statistics, or null for a rows batch
 * @param source   the file or folder the batch came from (named in errors)
 */
public record FeatureBatch(Side side, long firstRow, double[][] rows, Moments moments, String source) implements Serializable {

    /** The real or the generated set. */
    public enum Side { REAL, FAKE }

    /**
     * A side known only by mean and covariance.
     *
     * @param count the sample count, or -1 when unknown (pytorch-fid files do not store it)
     */
    public record Moments(double[] mean, double[][] covariance, long count) implements Serializable {
    }

    public FeatureBatch {
        if ((rows == null) == (moments == null)) throw new IllegalArgumentException("a batch holds either rows or moments");
    }

    /** Rows {@code firstRow ..} of {@code side}. */
    public static FeatureBatch rows(Side side, long firstRow, double[][] rows, String source) {
        return new FeatureBatch(side, firstRow, rows, null, source);
    }

    /** A whole side given by its statistics. */
    public static FeatureBatch moments(Side side, double[] mean, double[][] covariance, long count, String source) {
        return new FeatureBatch(side, 0, null, new Moments(mean, covariance, count), source);
    }
}
