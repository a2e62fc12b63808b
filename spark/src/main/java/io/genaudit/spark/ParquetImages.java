package io.genaudit.spark;

import io.genaudit.engine.InputException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;

/**
 * Reads a Parquet image table (local, {@code hdfs://}, {@code s3a://}): a {@code row} id column (long or int, the
 * ids 0..N-1 each once) and a binary {@code bytes} column holding each image file (PNG, JPEG, WebP, TIFF). Rows are
 * range-partitioned by {@code row / batch} and cut into {@link ImageBlock}s of the ids {@code k*batch ..
 * (k+1)*batch - 1}: the very batches a single JVM cuts from the same images as a folder, so an extractor sees the
 * same batches on Spark as on one machine.
 *
 * @param uri       the Parquet file or folder
 * @param batch     images per extraction batch
 * @param limit     the first {@code limit} rows only ({@code samples:} of a plan), or {@code Long.MAX_VALUE}
 */
public record ParquetImages(String uri, int batch, long limit) implements ImageBlockSource {
    public static final String BYTES = "bytes";

    public ParquetImages {
        if (batch < 1) throw new IllegalArgumentException("batch must be at least 1, got " + batch);
        if (limit < 1) throw new IllegalArgumentException("limit must be at least 1, got " + limit);
    }

    /** Whether {@code schema} is an image table's: a binary {@value #BYTES} column. */
    public static boolean isImageTable(StructType schema) {
        StructField f = ParquetTables.field(schema, BYTES);
        return f != null && f.dataType() == DataTypes.BinaryType;
    }

    /** The {@code row} and {@code bytes} columns after the schema and row-id checks (one aggregation pass). */
    public Dataset<Row> table(SparkSession spark) {
        Dataset<Row> df = ParquetTables.read(spark, uri);
        StructField row = ParquetTables.column(df.schema(), uri, ParquetFeatures.ROW, "a long row id 0..N-1");
        if (row.dataType() != DataTypes.LongType && row.dataType() != DataTypes.IntegerType) {
            throw new InputException(uri, "column '" + ParquetFeatures.ROW + "' must be long or int, found " + row.dataType().simpleString());
        }
        StructField bytes = ParquetTables.column(df.schema(), uri, BYTES, "the encoded image file: PNG, JPEG, WebP or TIFF");
        if (bytes.dataType() != DataTypes.BinaryType) {
            throw new InputException(uri, "column '" + BYTES + "' must be binary (the image file's bytes), found " + bytes.dataType().simpleString());
        }
        Dataset<Row> selected = df.select(col(ParquetFeatures.ROW).cast(DataTypes.LongType).as("row"), col(BYTES).as("bytes"));
        ParquetTables.checkRowIds(selected, uri, "image");
        return limit == Long.MAX_VALUE ? selected : selected.filter(col("row").lt(lit(limit)));
    }

    /** The number of images read (at most {@code limit}). */
    public long count(SparkSession spark) {
        return table(spark).count();
    }

    /** The encoded bytes of image {@code row} (for the driver: e.g. the first image's size). */
    public byte[] image(SparkSession spark, long row) {
        List<Row> r = ParquetTables.read(spark, uri).filter(col(ParquetFeatures.ROW).equalTo(lit(row))).select(col(BYTES)).takeAsList(1);
        if (r.isEmpty() || r.get(0).isNullAt(0)) throw new InputException(uri, "row " + row + ": no image bytes");
        return (byte[]) r.get(0).get(0);
    }

    /** The height and width of image 0 (read from the table on the driver). */
    @Override
    public int[] size(SparkSession spark) {
        return ImageDecoding.size(uri, 0, image(spark, 0));
    }

    /** The batches in {@code partitions} range partitions of whole batches, each partition's in row order. */
    @Override
    public JavaRDD<ImageBlock> blocks(SparkSession spark, int partitions) {
        return table(spark).repartitionByRange(partitions, floor(col("row").divide(lit(batch))))
                .sortWithinPartitions("row").javaRDD()
                .mapPartitions(new Blocker(uri, batch));
    }

    /** Cuts a partition's sorted rows into the batches {@code row / batch}, lazily; a null image names its row. */
    private record Blocker(String uri, int batch) implements FlatMapFunction<Iterator<Row>, ImageBlock> {
        @Override
        public Iterator<ImageBlock> call(Iterator<Row> rows) {
            return new Iterator<>() {
                private Row next = rows.hasNext() ? rows.next() : null;

                @Override
                public boolean hasNext() {
                    return next != null;
                }

                @Override
                public ImageBlock next() {
                    if (next == null) throw new NoSuchElementException();
                    long first = next.getLong(0);
                    long group = first / batch;
                    List<byte[]> cur = new ArrayList<>();
                    while (next != null && next.getLong(0) / batch == group) {
                        if (next.isNullAt(1)) throw new InputException(uri, "row " + next.getLong(0) + ": null '" + BYTES + "' (no image)");
                        cur.add((byte[]) next.get(1));
                        next = rows.hasNext() ? rows.next() : null;
                    }
                    return new ImageBlock(first, cur.toArray(new byte[0][]));
                }
            };
        }
    }
}
