package io.genaudit.spark;

import io.genaudit.metrics.fidelity.FeatureBatch;
import io.genaudit.metrics.fidelity.FeatureBatches;
import io.genaudit.metrics.fidelity.FeatureSetLoader;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The distributed input of the two-sample fidelity metrics ({@code fid}, {@code kid}, {@code prdc}): the real and
 * the generated feature rows ({@link RowBlockSource}: Parquet tables, or {@code .npy} matrices on a local master) as
 * one collection of {@link FeatureBatch}es carrying their side and global row ids, the same batches the plan's
 * {@code FeaturePairInputs} feeds a single JVM. A pytorch-fid statistics {@code .npz} ({@code mu}, {@code sigma}) is
 * one moments batch, as on one machine.
 */
public final class SparkFeaturePairs {
    private SparkFeaturePairs() {
    }

    /** Both sides, each in {@code partitions} partitions. */
    public static JavaRDD<FeatureBatch> batches(SparkSession spark, RowBlockSource real, RowBlockSource fake, int partitions) {
        return side(spark, FeatureBatch.Side.REAL, real, partitions).union(side(spark, FeatureBatch.Side.FAKE, fake, partitions));
    }

    /** One side's batches. */
    public static JavaRDD<FeatureBatch> side(SparkSession spark, FeatureBatch.Side side, RowBlockSource table, int partitions) {
        String source = table.uri();
        return table.blocks(spark, partitions).map(b -> FeatureBatch.rows(side, b.firstRow(), b.rows(), source));
    }

    /**
     * One side's batches from dataset {@code in}: a statistics {@code .npz} as one moments batch (read on the driver),
     * else the rows of {@link RowBlockSource#of} in blocks of {@code batchRows}.
     */
    public static JavaRDD<FeatureBatch> side(SparkSession spark, FeatureBatch.Side side, DatasetInput in, int batchRows, int partitions) {
        if (!in.parquet() && in.location().toLowerCase(Locale.ROOT).endsWith(".npz")) {
            List<FeatureBatch> moments = new ArrayList<>();
            FeatureBatches.send(side, FeatureSetLoader.fromStatsNpz(in.path()), moments::add);
            return JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(moments, 1);
        }
        return side(spark, side, RowBlockSource.of(in, batchRows, "features"), partitions);
    }
}
