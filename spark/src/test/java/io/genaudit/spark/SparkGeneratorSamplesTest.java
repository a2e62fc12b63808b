package io.genaudit.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genaudit.audits.cli.Main;
import io.genaudit.audits.plan.PlanParser;
import io.genaudit.audits.registry.Registry;
import io.genaudit.engine.image.FileFeatureExtractor;
import io.genaudit.engine.image.GeneratorContract;
import io.genaudit.engine.image.ImageFeatureExtractor;
import io.genaudit.engine.image.ImageGenerator;
import io.genaudit.engine.image.Images;
import io.genaudit.engine.image.ModelFileFormat;
import io.genaudit.engine.image.TorchScriptImageGenerator;
import io.genaudit.metrics.fidelity.FeatureBatch;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * FID, KID, PRDC and the Inception Score whose generated side is the audit's generator ({@code model:}, a TorchScript fixture) sampled on
 * the executors: the features equal the single JVM's batch by batch, and the results equal the single-JVM plan run.
 */
@Tag("integration") // starts a local Spark runtime (tens of seconds): integration tier
class SparkGeneratorSamplesTest {
    static final Path GENERATOR = Path.of("..", "fixtures", "image-models", "generator.pt").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    static String plan(String real) {
        return """
                name: generated-fid
                seed: 7
                models:
                  - {id: fx, type: torchscript-features, path: "%s"}
                  - {id: gen, type: torchscript-generator, path: "%s", latentDim: 16}
                datasets:
                  - {id: real, path: %s}
                audits:
                  - {id: fid-gen, metric: fid, model: gen, params: {real: real, features: fx, samples: 37, batch: 8, bootstrap: 0}}
                  - {id: kid-gen, metric: kid, model: gen, params: {real: real, features: fx, samples: 37, batch: 8, seed: 11, subsets: 5, subsetSize: 20, bootstrap: 0}}
                  - {id: prdc-gen, metric: prdc, model: gen, params: {real: real, features: fx, samples: 37, batch: 8, k: 3, bootstrap: 0}}
                  - {id: is-gen, metric: inception-score, model: gen, params: {classifier: fx, samples: 37, batch: 8, splits: 2, bootstrap: 0}}
                """.formatted(SparkImageFeaturesTest.EXTRACTOR, GENERATOR, real);
    }

    @Test
    void generatorSampledOnExecutorsGivesTheSingleJvmFeaturesAndResults() throws Exception {
        var spark = LocalSpark.session();
        Path realDir = ImageTables.folder(dir.resolve("real"), 40, 3);
        ImageTables.write(spark, realDir, dir.resolve("real.parquet"));
        Path localPlan = Files.writeString(dir.resolve("local.yaml"), plan("real"));
        Path sparkPlan = Files.writeString(dir.resolve("spark.yaml"), plan("real.parquet"));

        JsonNode[] both = runBoth(localPlan, sparkPlan, "cache", "cache");
        JsonNode local = both[0], onSpark = both[1];
        for (int i = 0; i < 4; i++) {
            String id = local.get(i).get("id").asText();
            assertEquals(37, onSpark.get(i).get("n").asLong(), id);
            assertEquals(local.get(i).get("n").asLong(), onSpark.get(i).get("n").asLong(), id);
            double l = local.get(i).get("value").asDouble();
            assertTrue(l > 0, id + " of generated images: " + l);
            JsonAgreement.assertClose(id, local.get(i).get("value"), onSpark.get(i).get("value"));
            System.out.println(id + ": single JVM " + l + ", Spark " + onSpark.get(i).get("value").asDouble() + ", relative difference "
                    + ResultAgreement.relativeDifference(l, onSpark.get(i).get("value").asDouble()));
            assertEquals(37, onSpark.get(i).get("settings").get("samples").asInt(), id);
        }
        assertEquals(11, onSpark.get(1).get("settings").get("seed").asLong());

        // the generated features themselves: batch k from seed + k * 1_000_003, as the single JVM samples them (a wrong seed
        // gives other latents, features far apart)
        var p = new PlanParser(Registry.load()).parse(sparkPlan);
        SparkImagePairs pairs = SparkImagePairs.openOrNull(spark, p, p.audits().get(0).spec(), new SparkSettings(3, 512, 2, false, dir.resolve("cache")));
        List<FeatureBatch> batches = new ArrayList<>(pairs.batches().collect());
        batches.removeIf(b -> b.side() != FeatureBatch.Side.FAKE);
        batches.sort(Comparator.comparingLong(FeatureBatch::firstRow));
        assertEquals(5, batches.size(), "37 samples in batches of 8");
        try (ImageFeatureExtractor fx = FileFeatureExtractor.load(SparkImageFeaturesTest.EXTRACTOR, ModelFileFormat.TORCHSCRIPT);
             ImageGenerator g = TorchScriptImageGenerator.load(GENERATOR, GeneratorContract.of(16, "normal", "[-1,1]"))) {
            Iterator<Images> it = g.samples(37, 7).batches(8);
            long row = 0;
            for (FeatureBatch b : batches) {
                assertEquals(row, b.firstRow());
                double[][] expected = fx.extract(it.next());
                assertEquals(expected.length, b.rows().length);
                // float precision, not 0: fresh TorchScript modules on this thread here, pooled ones on task threads there;
                // after other tests in this JVM the last batch differed by 7e-8 relative (a fresh JVM gave equal bits)
                for (int i = 0; i < expected.length; i++) assertArrayEquals(expected[i], b.rows()[i], 1e-6, "row " + (row + i));
                row += expected.length;
            }
            assertEquals(37, row);
        }
    }

    @Test
    void aGeneratorTrainedOnTheDriverIsShippedAsItsTrainedFolder() throws Exception {
        var spark = LocalSpark.session();
        Path realDir = ImageTables.folder(dir.resolve("real"), 20, 5);
        String plan = """
                name: trained-fid
                seed: 3
                models:
                  - {id: fx, type: torchscript-features, path: "%s"}
                  - {id: vae, type: vae, train: {data: "fixture:shapes-small", size: tiny, epochs: 1, seed: 3}}
                datasets:
                  - {id: real, path: %s}
                audits:
                  - {id: fid-vae, metric: fid, model: vae, params: {real: real, features: fx, samples: 20, batch: 8, bootstrap: 0}}
                """.formatted(SparkImageFeaturesTest.EXTRACTOR, realDir);
        Path planFile = Files.writeString(dir.resolve("trained.yaml"), plan);
        // separate caches: the Spark driver trains its own copy, the executors load the shipped folder
        JsonNode[] both = runBoth(planFile, planFile, "cache-local", "cache-spark");
        JsonNode local = both[0].get(0), onSpark = both[1].get(0);
        assertEquals(20, onSpark.get("n").asLong());
        assertTrue(local.get("value").asDouble() > 0, "a FID between a barely trained VAE and real images: " + local.get("value"));
        JsonAgreement.assertClose("fid-vae", local.get("value"), onSpark.get("value"));
    }

    @Test
    void aModelThatIsNotAGeneratorIsAOneLineError() throws Exception {
        Path realDir = ImageTables.folder(dir.resolve("real"), 6, 3);
        Path planFile = Files.writeString(dir.resolve("bad.yaml"), plan(realDir.toString()).replace("model: gen, params: {real: real, features: fx, samples: 37",
                "model: fx, params: {real: real, features: fx, samples: 37"));
        String err = UserErrors.of(() -> SparkAuditMain.run("audit", planFile.toString(), "--out", dir.resolve("out").toString(),
                "--master", "local[2]", "--cache", dir.resolve("cache").toString()));
        assertTrue(err.contains("fid-gen") && err.contains("'fx'") && err.contains("not an image generator"), err);
    }

    /** The run.json audits of {@code localPlan} run by {@code genaudit audit} and of {@code sparkPlan} on local[2], 3 partitions. */
    private JsonNode[] runBoth(Path localPlan, Path sparkPlan, String localCache, String sparkCache) throws Exception {
        Path localOut = dir.resolve("local-out");
        assertEquals(0, Main.commandLine().execute("audit", localPlan.toString(), "--out", localOut.toString(),
                "--cache", dir.resolve(localCache).toString()));
        Path sparkOut = dir.resolve("spark-out");
        assertEquals(0, SparkAuditMain.run("audit", sparkPlan.toString(), "--out", sparkOut.toString(), "--master", "local[2]",
                "--partitions", "3", "--cache", dir.resolve(sparkCache).toString()));
        ObjectMapper json = new ObjectMapper();
        return new JsonNode[]{json.readTree(localOut.resolve("run.json").toFile()).get("audits"),
                json.readTree(sparkOut.resolve("run.json").toFile()).get("audits")};
    }
}
