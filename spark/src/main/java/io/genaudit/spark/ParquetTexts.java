package io.genaudit.spark;

import io.genaudit.engine.InputException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;

/**
 * Reads a Parquet text table (local, {@code hdfs://}, {@code s3a://}): a {@code doc_id} column (string or whole
 * number, each id once) and a string {@code text} column. Documents are range-partitioned by id and cut into
 * {@link TextBlock}s in id order, so a distributed run sees the documents in the order a single pass over the sorted
 * table would. A missing column, a null or repeated id and a null text are user errors naming the table.
 *
 * @param uri       the Parquet file or folder
 * @param batchDocs documents per block
 */
public record ParquetTexts(String uri, int batchDocs) {
    public static final String DOC_ID = "doc_id";
    public static final String TEXT = "text";

    public ParquetTexts {
        if (batchDocs < 1) throw new IllegalArgumentException("batchDocs must be at least 1, got " + batchDocs);
    }

    /** The blocks in {@code partitions} range partitions, after checking the schema and the ids on the driver. */
    public JavaRDD<TextBlock> blocks(SparkSession spark, int partitions) {
        Dataset<Row> df = ParquetTables.read(spark, uri);
        DataType id = ParquetTables.column(df.schema(), uri, DOC_ID, "a string or whole-number document id").dataType();
        if (id != DataTypes.StringType && id != DataTypes.LongType && id != DataTypes.IntegerType) {
            throw new InputException(uri, "column '" + DOC_ID + "' must be a string or a whole number, found " + id.simpleString());
        }
        StructField text = ParquetTables.column(df.schema(), uri, TEXT, "the document text");
        if (text.dataType() != DataTypes.StringType) {
            throw new InputException(uri, "column '" + TEXT + "' must be a string, found " + text.dataType().simpleString());
        }
        Dataset<Row> selected = df.select(col(DOC_ID), col(TEXT));
        Row r = selected.agg(count(col(DOC_ID)), countDistinct(col(DOC_ID)), count(col(TEXT)), count("*")).first();
        long all = r.getLong(3);
        if (all == 0) throw new InputException(uri, "no documents");
        if (r.getLong(0) != all) throw new InputException(uri, (all - r.getLong(0)) + " documents have a null '" + DOC_ID + "'");
        if (r.getLong(1) != all) throw new InputException(uri, (all - r.getLong(1)) + " repeated '" + DOC_ID + "' values; each id must appear once");
        if (r.getLong(2) != all) throw new InputException(uri, (all - r.getLong(2)) + " documents have a null '" + TEXT + "'");
        return selected.repartitionByRange(partitions, col(DOC_ID)).sortWithinPartitions(DOC_ID).javaRDD()
                .mapPartitions(new Blocker(batchDocs));
    }

    /** Every text in doc_id order, through the driver (prompts and reference pieces the driver cuts from a table). */
    public List<String> texts(SparkSession spark, int partitions) {
        List<String> out = new ArrayList<>();
        Iterator<TextBlock> it = blocks(spark, partitions).toLocalIterator();
        while (it.hasNext()) out.addAll(it.next().texts());
        return out;
    }

    /** Cuts a partition's sorted documents into blocks, lazily. */
    private record Blocker(int batchDocs) implements FlatMapFunction<Iterator<Row>, TextBlock> {
        @Override
        public Iterator<TextBlock> call(Iterator<Row> rows) {
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public TextBlock next() {
                    if (!rows.hasNext()) throw new NoSuchElementException();
                    List<String> ids = new ArrayList<>();
                    List<String> texts = new ArrayList<>();
                    while (rows.hasNext() && ids.size() < batchDocs) {
                        Row row = rows.next();
                        ids.add(String.valueOf(row.get(0)));
                        texts.add(row.getString(1));
                    }
                    return new TextBlock(List.copyOf(ids), List.copyOf(texts));
                }
            };
        }
    }
}
