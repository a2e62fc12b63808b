package io.genaudit.spark;

import io.genaudit.engine.InputException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import static org.apache.spark.sql.functions.col;

/**
 * Reads a Parquet feature table (local, {@code hdfs://}, {@code s3a://}): a {@code row} id column (long or int,
 * the ids 0..N-1 each once) and one {@code array<float>} or {@code array<double>} column of equal-length feature
 * vectors. Rows are range-partitioned by id and cut into {@link RowBlock}s of consecutive ids, so each partition's
 * blocks are in row order whatever order the files hold them in.
 *
 * @param uri       the Parquet file or folder
 * @param column    the feature column, or null for the only array column
 * @param batchRows rows per block (the metric's batch size)
 */
public record ParquetFeatures(String uri, String column, int batchRows) implements RowBlockSource {
    public static final String ROW = "row";

    public ParquetFeatures {
        if (batchRows < 1) throw new IllegalArgumentException("batchRows must be at least 1, got " + batchRows);
    }

    /**
     * The blocks in {@code partitions} range partitions. Checks the schema and the row ids (one aggregation pass) on
     * the driver; NaN, infinite, null or ragged vectors fail in the task with the row id named.
     */
    @Override
    public JavaRDD<RowBlock> blocks(SparkSession spark, int partitions) {
        Dataset<Row> df = ParquetTables.read(spark, uri);
        String feature = featureColumn(df.schema());
        Dataset<Row> selected = df.select(col(ROW).cast(DataTypes.LongType).as("row"),
                col(feature).cast(DataTypes.createArrayType(DataTypes.DoubleType)).as("features"));
        ParquetTables.checkRowIds(selected, uri, "feature");
        return selected.repartitionByRange(partitions, col("row")).sortWithinPartitions("row")
                .as(Encoders.bean(FeatureRow.class)).javaRDD()
                .mapPartitions(new Blocker(uri, batchRows));
    }

    /** The feature column's name, after checking the row id column. */
    private String featureColumn(StructType schema) {
        StructField row = ParquetTables.column(schema, uri, ROW, "a long row id 0..N-1");
        if (row.dataType() != DataTypes.LongType && row.dataType() != DataTypes.IntegerType) {
            throw new InputException(uri, "column '" + ROW + "' must be long or int, found " + row.dataType().simpleString());
        }
        List<String> arrays = new ArrayList<>();
        for (StructField f : schema.fields()) {
            if (f.dataType() instanceof ArrayType a && (a.elementType() == DataTypes.FloatType || a.elementType() == DataTypes.DoubleType)) {
                arrays.add(f.name());
            }
        }
        if (column != null) {
            StructField f = ParquetTables.field(schema, column);
            if (f == null) throw new InputException(uri, "no feature column '" + column + "' in " + schema.simpleString());
            if (!arrays.contains(f.name())) {
                throw new InputException(uri, "feature column '" + column + "' must be array<float> or array<double>, found " + f.dataType().simpleString());
            }
            return f.name();
        }
        if (arrays.size() != 1) {
            throw new InputException(uri, (arrays.isEmpty() ? "no array<float> feature column" : "several feature columns " + arrays
                    + "; name one") + " in " + schema.simpleString());
        }
        return arrays.get(0);
    }

    /** Cuts a partition's sorted rows into blocks of consecutive ids, lazily, checking every vector. */
    private record Blocker(String uri, int batchRows) implements FlatMapFunction<Iterator<FeatureRow>, RowBlock> {
        @Override
        public Iterator<RowBlock> call(Iterator<FeatureRow> rows) {
            return new Iterator<>() {
                private FeatureRow next = rows.hasNext() ? rows.next() : null;
                private int dim = -1;

                @Override
                public boolean hasNext() {
                    return next != null;
                }

                @Override
                public RowBlock next() {
                    if (next == null) throw new NoSuchElementException();
                    long first = next.getRow();
                    List<double[]> cur = new ArrayList<>();
                    while (next != null && next.getRow() == first + cur.size() && cur.size() < batchRows) {
                        cur.add(checked(next));
                        next = rows.hasNext() ? rows.next() : null;
                    }
                    return new RowBlock(first, cur.toArray(new double[0][]));
                }

                private double[] checked(FeatureRow r) {
                    double[] v = r.getFeatures();
                    if (v == null) throw new InputException(uri, "row " + r.getRow() + ": null feature vector");
                    if (dim < 0) dim = v.length;
                    if (v.length != dim || dim == 0) {
                        throw new InputException(uri, "row " + r.getRow() + ": " + v.length + " features, expected " + dim + " like the rows before it");
                    }
                    for (int j = 0; j < v.length; j++) {
                        if (!Double.isFinite(v[j])) throw new InputException(uri, "row " + r.getRow() + ": feature " + j + " is " + v[j]);
                    }
                    return v;
                }
            };
        }
    }
}
