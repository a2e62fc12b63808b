package io.genaudit.spark;

import java.io.Serializable;

/**
 * One Parquet feature row as Spark's bean encoder decodes it ({@code row} and the feature array read as doubles, so
 * {@code array<float>} widens exactly); a mutable bean only because the encoder needs one.
 */
public final class FeatureRow implements Serializable {
    private long row;
    private double[] features;

    public long getRow() {
        return row;
    }

    public void setRow(long row) {
        this.row = row;
    }

    public double[] getFeatures() {
        return features;
    }

    public void setFeatures(double[] features) {
        this.features = features;
    }
}
