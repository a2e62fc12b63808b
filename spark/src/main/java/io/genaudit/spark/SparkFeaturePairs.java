package io.genaudit.spark;

import io.genaudit.metrics.fidelity.FeatureBatch;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;

/**
 * The distributed input of the two-sample fidelity metrics ({@code fid}, {@code kid}, {@code prdc}): the real and
 * the generated Parquet feature tables as one collection of {@link FeatureBatch}es carrying their side and global
 * row ids, the same batches the plan's {@code FeaturePairInputs} feeds a single JVM.
 */
public final class SparkFeaturePairs {
    private SparkFeaturePairs() {
    }

    /** Both sides, each in {@code partitions} range partitions. */
    public static JavaRDD<FeatureBatch> batches(SparkSession spark, ParquetFeatures real, ParquetFeatures fake, int partitions) {
        return side(spark, FeatureBatch.Side.REAL, real, partitions).union(side(spark, FeatureBatch.Side.FAKE, fake, partitions));
    }

    /** One side's batches. */
    public static JavaRDD<FeatureBatch> side(SparkSession spark, FeatureBatch.Side side, ParquetFeatures table, int partitions) {
        String source = table.uri();
        return table.blocks(spark, partitions).map(b -> FeatureBatch.rows(side, b.firstRow(), b.rows(), source));
    }
}
