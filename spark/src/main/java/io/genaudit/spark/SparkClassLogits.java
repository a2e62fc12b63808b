package io.genaudit.spark;

import io.genaudit.metrics.fidelity.ClassLogitsBatch;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;

/**
 * The distributed input of the metrics that score generated samples through a classifier ({@code inception-score}):
 * a Parquet table of class logits ({@code row} id + one {@code array<float>} of C logits, read like a feature table by
 * {@link ParquetFeatures}) or, on a local master, a {@code .npy} matrix [N, C] ({@link NpyFeatures}) as {@link ClassLogitsBatch}es carrying their global row ids, so the state puts the shards
 * back in row order before the shuffle and splits.
 */
public final class SparkClassLogits {
    private SparkClassLogits() {
    }

    /** The logits of {@code table} in {@code partitions} range partitions. */
    public static JavaRDD<ClassLogitsBatch> batches(SparkSession spark, RowBlockSource table, int partitions) {
        String source = table.uri();
        return table.blocks(spark, partitions).map(b -> new ClassLogitsBatch(b.firstRow(), b.rows(), source));
    }
}
