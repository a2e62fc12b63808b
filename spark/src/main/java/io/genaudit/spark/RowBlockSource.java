package io.genaudit.spark;

import io.genaudit.engine.InputException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;

import java.util.Locale;

/**
 * Where the feature (or class-logit) rows of one input come from on Spark: a Parquet feature table
 * ({@link ParquetFeatures}) or, on a local master, a {@code .npy} matrix ({@link NpyFeatures}); either way the same
 * {@link RowBlock}s of consecutive global row ids, partitions in row order, so everything downstream is one code path.
 */
public interface RowBlockSource {
    /** The table or file, for labels and errors. */
    String uri();

    /** The rows in {@code partitions} partitions of consecutive ids, each cut into blocks of at most the batch size. */
    JavaRDD<RowBlock> blocks(SparkSession spark, int partitions);

    /**
     * The row source of {@code in} with blocks of {@code batchRows}: a Parquet table, or a local {@code .npy} matrix;
     * any other local file is an InputException naming it ({@code what}: what the rows are, e.g. "feature rows").
     */
    static RowBlockSource of(DatasetInput in, int batchRows, String what) {
        if (in.parquet()) return new ParquetFeatures(in.location(), null, batchRows);
        if (in.location().toLowerCase(Locale.ROOT).endsWith(".npy")) return new NpyFeatures(in.path(), batchRows);
        throw new InputException(in.location(), "on Spark, " + what + " are read from a Parquet table (row + array<float>) or a .npy matrix [N, D]");
    }
}
