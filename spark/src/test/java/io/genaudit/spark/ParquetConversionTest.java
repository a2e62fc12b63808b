package io.genaudit.spark;

import io.genaudit.engine.image.ImageFolderSource;
import io.genaudit.engine.io.NpyArray;
import io.genaudit.engine.io.NpyWriter;
import io.genaudit.metrics.perplexity.TextDocument;
import io.genaudit.metrics.perplexity.TextDocuments;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code SparkAuditMain convert}: a {@code .npy}, an image folder, a text folder and a text file written as Parquet
 * tables read back by the Parquet readers as the same rows, images and documents, in the same order, as the local
 * sources give; bad kinds and sources are exit 2 with nothing written.
 */
@Tag("integration") // starts a local Spark runtime (tens of seconds): integration tier
class ParquetConversionTest {
    @TempDir
    Path dir;

    @Test
    void convertedTablesReadBackAsTheLocalDatasets() throws Exception {
        SparkSession spark = LocalSpark.session();
        float[][] x = FeatureTables.gaussian(23, 5, 0.1, 41);
        Path npy = dir.resolve("x.npy");
        double[][] wide = FeatureTables.widened(x);
        NpyWriter.write(npy, NpyArray.matrixFloat32(wide));
        Path images = ImageTables.folder(dir.resolve("img"), 9, 2);
        Path docs = dir.resolve("docs");
        Files.createDirectories(docs.resolve("b"));
        for (String name : List.of("b/z.txt", "a.txt", "c.txt", "é.txt")) Files.writeString(docs.resolve(name), "text of " + name);
        Path file = Files.writeString(dir.resolve("one.txt"), "first\n\nsecond\n\nthird\n\n4\n\n5\n\n6\n\n7\n\n8\n\n9\n\n10\n\n11");

        for (String[] c : new String[][]{{"features", npy.toString(), "x.parquet"}, {"images", images.toString(), "img.parquet"},
                {"texts", docs.toString(), "docs.parquet"}, {"texts", file.toString(), "one.parquet"}}) {
            assertEquals(0, SparkAuditMain.run("convert", c[0], c[1], "--out", dir.resolve(c[2]).toString(), "--master", "local[2]",
                    "--partitions", "3", "--batch", "4"), c[1]);
        }

        List<RowBlock> rows = new ArrayList<>(new ParquetFeatures(dir.resolve("x.parquet").toString(), null, 100).blocks(spark, 1).collect());
        assertEquals(1, rows.size());
        assertEquals("array<float>", spark.read().parquet(dir.resolve("x.parquet").toString()).schema().apply("features").dataType().simpleString());
        for (int i = 0; i < wide.length; i++) assertArrayEquals(wide[i], rows.get(0).rows()[i], 0.0, "row " + i);

        List<ImageBlock> blocks = new ParquetImages(dir.resolve("img.parquet").toString(), 9, Long.MAX_VALUE).blocks(spark, 1).collect();
        List<Path> files = ImageFolderSource.open(images).files();
        for (int i = 0; i < files.size(); i++) assertArrayEquals(Files.readAllBytes(files.get(i)), blocks.get(0).images()[i], files.get(i).toString());

        assertEquals(TextDocuments.readNamed(docs), documents(spark, "docs.parquet"));
        List<TextDocument> split = TextDocuments.readNamed(file);
        List<TextDocument> fromTable = documents(spark, "one.parquet");
        assertEquals(11, fromTable.size());
        for (int i = 0; i < split.size(); i++) {
            assertEquals(Integer.toString(i + 1), fromTable.get(i).id());
            assertEquals(split.get(i).text(), fromTable.get(i).text());
        }

        assertEquals(2, SparkAuditMain.run("convert", "logits", npy.toString(), "--out", dir.resolve("bad").toString()));
        assertEquals(2, SparkAuditMain.run("convert", "features", dir.resolve("missing.npy").toString(), "--out", dir.resolve("bad").toString()));
        assertFalse(Files.exists(dir.resolve("bad")));
        assertTrue(Files.isDirectory(dir.resolve("x.parquet")));
    }

    private List<TextDocument> documents(SparkSession spark, String table) {
        List<TextDocument> out = new ArrayList<>();
        for (TextBlock b : new ParquetTexts(dir.resolve(table).toString(), 100).blocks(spark, 2).collect()) {
            for (int i = 0; i < b.docIds().size(); i++) out.add(new TextDocument(b.docIds().get(i), b.texts().get(i)));
        }
        return out;
    }
}
