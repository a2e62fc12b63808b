package io.genaudit.metrics.fidelity;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Cuts a loaded {@link FeatureSet} into {@link FeatureBatch}es for the fidelity metrics (row chunks with their global
 * row ids when the rows are there, else one statistics-only batch), or into {@link ClassLogitsBatch}es when its rows
 * are a classifier's logits.
 */
public final class FeatureBatches {
    /** Rows per batch. */
    public static final int ROWS = 512;

    private FeatureBatches() {
    }

    /** Sends {@code set} as batches of {@code side} to {@code sink}. */
    public static void send(FeatureBatch.Side side, FeatureSet set, Consumer<? super FeatureBatch> sink) {
        if (!set.hasFeatures()) {
            sink.accept(FeatureBatch.moments(side, set.mean(), set.covariance(), set.count(), set.source()));
            return;
        }
        double[][] rows = set.features("features");
        for (int from = 0; from < rows.length; from += ROWS) {
            int to = Math.min(rows.length, from + ROWS);
            sink.accept(FeatureBatch.rows(side, from, Arrays.copyOfRange(rows, from, to), set.source()));
        }
    }

    /** Sends the rows of {@code set}, a classifier's outputs, as logit batches to {@code sink}; statistics-only sets are refused. */
    public static void sendLogits(FeatureSet set, String metric, Consumer<? super ClassLogitsBatch> sink) {
        double[][] rows = set.features(metric);
        for (int from = 0; from < rows.length; from += ROWS) {
            int to = Math.min(rows.length, from + ROWS);
            sink.accept(new ClassLogitsBatch(from, Arrays.copyOfRange(rows, from, to), set.source()));
        }
    }
}
