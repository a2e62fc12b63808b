package io.genaudit.spark;

import io.genaudit.engine.InputException;
import io.genaudit.engine.io.NpyDtype;
import io.genaudit.engine.io.NpyFile;
import io.genaudit.metrics.perplexity.TextDocument;
import io.genaudit.metrics.perplexity.TextDocuments;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A single-machine dataset as the Parquet table a cluster reads, through the same local sources the local masters
 * use: a {@code .npy} matrix as {@code row} + {@code features} ({@code array<float>} for float32, else
 * {@code array<double>}), an image folder as {@code row} + {@code bytes} (the files in the order the single machine
 * reads them), a text folder as {@code doc_id} (the relative path, whose order is the folder's) + {@code text}; one
 * text file as {@code doc_id} (the document's position 1..N, so the table sorts as the file reads) + {@code text}.
 */
public final class ParquetConversion {
    /** What a dataset converts to. */
    public enum Kind { FEATURES, IMAGES, TEXTS }

    private ParquetConversion() {
    }

    /** The table of {@code source} read as {@code kind}, in {@code partitions} partitions of {@code batch}-item blocks. */
    public static Dataset<Row> table(SparkSession spark, Kind kind, Path source, int batch, int partitions) {
        if (!Files.exists(source)) throw new InputException(source, "no such file or folder");
        return switch (kind) {
            case FEATURES -> features(spark, source, batch, partitions);
            case IMAGES -> {
                JavaRDD<Row> rows = FolderImages.open(source, batch, Long.MAX_VALUE).blocks(spark, partitions).flatMap(b -> {
                    List<Row> out = new ArrayList<>(b.images().length);
                    for (int i = 0; i < b.images().length; i++) out.add(RowFactory.create(b.firstRow() + i, b.images()[i]));
                    return out.iterator();
                });
                yield spark.createDataFrame(rows, new StructType().add(ParquetFeatures.ROW, DataTypes.LongType).add(ParquetImages.BYTES, DataTypes.BinaryType));
            }
            case TEXTS -> texts(spark, source, batch, partitions);
        };
    }

    private static Dataset<Row> features(SparkSession spark, Path source, int batch, int partitions) {
        if (!source.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npy")) {
            throw new InputException(source, "features convert from a .npy matrix [N, D]");
        }
        boolean float32;
        try (NpyFile f = NpyFile.open(source)) {
            float32 = f.header().dtype() == NpyDtype.FLOAT32;
        }
        StructType schema = new StructType().add(ParquetFeatures.ROW, DataTypes.LongType)
                .add("features", DataTypes.createArrayType(float32 ? DataTypes.FloatType : DataTypes.DoubleType, false));
        JavaRDD<Row> rows = new NpyFeatures(source, batch).blocks(spark, partitions).flatMap(b -> {
            List<Row> out = new ArrayList<>(b.rows().length);
            for (int i = 0; i < b.rows().length; i++) out.add(RowFactory.create(b.firstRow() + i, boxed(b.rows()[i], float32)));
            return out.iterator();
        });
        return spark.createDataFrame(rows, schema);
    }

    /** A row of the table: float32 values narrowed back exactly (they were widened from float32). */
    private static Object boxed(double[] v, boolean float32) {
        if (!float32) return java.util.Arrays.stream(v).boxed().toArray(Double[]::new);
        Float[] out = new Float[v.length];
        for (int j = 0; j < v.length; j++) out[j] = (float) v[j];
        return out;
    }

    private static Dataset<Row> texts(SparkSession spark, Path source, int batch, int partitions) {
        if (!Files.isDirectory(source)) {
            List<Row> docs = new ArrayList<>();
            for (TextDocument d : TextDocuments.readNamed(source)) docs.add(RowFactory.create(docs.size() + 1L, d.text()));
            return spark.createDataFrame(docs, new StructType().add(ParquetTexts.DOC_ID, DataTypes.LongType).add(ParquetTexts.TEXT, DataTypes.StringType));
        }
        JavaRDD<Row> rows = new LocalTexts(source, batch).blocks(spark, partitions).flatMap(b -> {
            List<Row> out = new ArrayList<>(b.docIds().size());
            for (int i = 0; i < b.docIds().size(); i++) out.add(RowFactory.create(b.docIds().get(i), b.texts().get(i)));
            return out.iterator();
        });
        return spark.createDataFrame(rows, new StructType().add(ParquetTexts.DOC_ID, DataTypes.StringType).add(ParquetTexts.TEXT, DataTypes.StringType));
    }
}
