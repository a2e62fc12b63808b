package io.genaudit.spark;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;

/**
 * Where the encoded images of one input come from on Spark: a Parquet image table ({@link ParquetImages}) or, on a
 * local master, an image folder ({@link FolderImages}); either way the same {@link ImageBlock}s, the extraction
 * batches {@code k*batch .. (k+1)*batch - 1} of the single machine, partitions in row order, decoded and run through
 * the extractor on the executors by one code path ({@link ImageFeatureExtraction}).
 */
public interface ImageBlockSource {
    /** The table or folder, for labels and errors. */
    String uri();

    /** The batches in {@code partitions} partitions of whole batches, each partition's in row order. */
    JavaRDD<ImageBlock> blocks(SparkSession spark, int partitions);

    /** Height and width of image 0 as shown (EXIF orientation applied): the size the other side is brought to. */
    int[] size(SparkSession spark);

    /** The images of {@code in} (a Parquet image table or a local folder) in batches of {@code batch}, the first {@code limit}. */
    static ImageBlockSource of(DatasetInput in, int batch, long limit) {
        return in.parquet() ? new ParquetImages(in.location(), batch, limit) : FolderImages.open(in.path(), batch, limit);
    }
}
