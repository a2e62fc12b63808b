package io.genaudit.spark;

import org.junit.jupiter.api.Tag;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genaudit.audits.cli.Main;
import io.genaudit.engine.image.ImageFeatureExtractor;
import io.genaudit.engine.image.ImageFolderSource;
import io.genaudit.engine.image.Images;
import io.genaudit.engine.image.FileFeatureExtractor;
import io.genaudit.engine.image.ModelFileFormat;
import io.genaudit.metrics.fidelity.FeatureBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Images as Parquet ({@code row} + PNG {@code bytes}) through a TorchScript extractor on executors: the features and
 * the FID equal the single-JVM plan run over the same images as folders.
 */
@Tag("integration") // starts a local Spark runtime (tens of seconds): integration tier
class SparkImageFeaturesTest {
    static final Path EXTRACTOR = Path.of("..", "fixtures", "image-models", "features.pt").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void imageTablesGiveTheFeaturesAndTheFidOfTheSingleJvmPlanRun() throws Exception {
        var spark = LocalSpark.session();
        Path realDir = ImageTables.folder(dir.resolve("real"), 40, 3);
        Path genDir = ImageTables.inverted(dir.resolve("gen"), 37, 4);
        ImageTables.write(spark, realDir, dir.resolve("real.parquet"));
        ImageTables.write(spark, genDir, dir.resolve("gen.parquet"));
        Path localPlan = Files.writeString(dir.resolve("local.yaml"), ImageTables.fidPlan(EXTRACTOR, "real", "gen"));
        Path sparkPlan = Files.writeString(dir.resolve("spark.yaml"), ImageTables.fidPlan(EXTRACTOR, "real.parquet", "gen.parquet"));

        Path localOut = dir.resolve("local-out");
        assertEquals(0, Main.commandLine().execute("audit", localPlan.toString(), "--out", localOut.toString(),
                "--cache", dir.resolve("cache").toString()));
        Path sparkOut = dir.resolve("spark-out");
        assertEquals(0, SparkAuditMain.run("audit", sparkPlan.toString(), "--out", sparkOut.toString(), "--master", "local[2]",
                "--partitions", "3"));

        JsonNode local = fid(localOut);
        JsonNode onSpark = fid(sparkOut);
        assertEquals(37, onSpark.get("n").asLong());
        assertEquals(local.get("n").asLong(), onSpark.get("n").asLong());
        double l = local.get("value").asDouble();
        assertTrue(l > 0, "a FID between different image sets: " + l);
        assertEquals(0, ResultAgreement.relativeDifference(l, onSpark.get("value").asDouble()), 1e-10, l + " vs " + onSpark.get("value"));
        assertEquals(8, onSpark.get("settings").get("extractor_dim").asInt());
        assertTrue(ExtractorPool.loaded() >= 1 && ExtractorPool.loaded() <= 2, "one extractor per task slot, loaded " + ExtractorPool.loaded());

        // the features themselves: the generated table's batches on executors vs the extractor on the folder
        var p = new io.genaudit.audits.plan.PlanParser(io.genaudit.audits.registry.Registry.load()).parse(sparkPlan);
        SparkImagePairs pairs = SparkImagePairs.openOrNull(spark, p, p.audits().get(0).spec(), new SparkSettings(4, 512, 2, false));
        List<FeatureBatch> batches = new ArrayList<>(pairs.batches().collect());
        batches.removeIf(b -> b.side() != FeatureBatch.Side.FAKE);
        batches.sort(java.util.Comparator.comparingLong(FeatureBatch::firstRow));
        assertEquals(5, batches.size(), "37 images in batches of 8");
        try (ImageFeatureExtractor fx = FileFeatureExtractor.load(EXTRACTOR, ModelFileFormat.TORCHSCRIPT)) {
            Iterator<Images> it = ImageFolderSource.open(genDir).batches(8);
            long row = 0;
            for (FeatureBatch b : batches) {
                assertEquals(row, b.firstRow());
                double[][] expected = fx.extract(it.next());
                assertEquals(expected.length, b.rows().length);
                for (int i = 0; i < expected.length; i++) assertArrayEquals(expected[i], b.rows()[i], 1e-12, "row " + (row + i));
                row += expected.length;
            }
            assertEquals(37, row);
        }
    }

    private static JsonNode fid(Path out) throws Exception {
        return new ObjectMapper().readTree(out.resolve("run.json").toFile()).get("audits").get(0);
    }
}
