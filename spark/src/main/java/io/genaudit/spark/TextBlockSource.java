package io.genaudit.spark;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;

/**
 * Where the documents of a text audit come from on Spark: a Parquet text table ({@link ParquetTexts}) or, on a local
 * master, a text folder or file as the single machine reads it ({@link LocalTexts}); either way {@link TextBlock}s in
 * corpus order, partitions in order, so perplexity and diversity run one code path.
 */
public interface TextBlockSource {
    /** The table, folder or file, for labels and errors. */
    String uri();

    /** The documents in {@code partitions} partitions of consecutive documents, in corpus order. */
    JavaRDD<TextBlock> blocks(SparkSession spark, int partitions);

    /** Every text in corpus order, through the driver (prompts and reference pieces the driver cuts from a dataset). */
    default java.util.List<String> texts(SparkSession spark, int partitions) {
        java.util.List<String> out = new java.util.ArrayList<>();
        java.util.Iterator<TextBlock> it = blocks(spark, partitions).toLocalIterator();
        while (it.hasNext()) out.addAll(it.next().texts());
        return out;
    }

    /** The documents of {@code in} in blocks of {@code batchDocs}. */
    static TextBlockSource of(DatasetInput in, int batchDocs) {
        return in.parquet() ? new ParquetTexts(in.location(), batchDocs) : new LocalTexts(in.path(), batchDocs);
    }
}
