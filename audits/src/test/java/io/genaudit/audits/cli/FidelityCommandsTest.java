package io.genaudit.audits.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.genaudit.engine.io.NpyArray;
import io.genaudit.engine.io.NpyWriter;
import io.genaudit.metrics.fidelity.FrechetDistance;
import io.genaudit.metrics.fidelity.GaussianStatistics;
import io.genaudit.metrics.fidelity.InceptionScore;
import io.genaudit.metrics.fidelity.KernelInceptionDistance;
import io.genaudit.metrics.fidelity.PrecisionRecallDensityCoverage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** {@code genaudit fid|kid|prdc|inception-score} on .npy features, logits and .npz statistics: values, JSON fields, exit codes. */
class FidelityCommandsTest extends CommandLineTest {
    FidelityCommandsTest() {
        super(false);
    }
    Path real;
    Path fake;
    double[][] a;
    double[][] b;

    @BeforeEach
    void features() throws IOException {
        Random r = new Random(5);
        a = new double[120][6];
        b = new double[100][6];
        for (double[] row : a) for (int j = 0; j < 6; j++) row[j] = r.nextGaussian();
        for (double[] row : b) for (int j = 0; j < 6; j++) row[j] = 0.3 + 1.2 * r.nextGaussian();
        real = dir.resolve("real.npy");
        fake = dir.resolve("fake.npy");
        NpyWriter.write(real, NpyArray.matrix(a));
        NpyWriter.write(fake, NpyArray.matrixFloat32(b));
        for (double[] row : b) for (int j = 0; j < 6; j++) row[j] = (float) row[j]; // what the float32 file holds
    }

    @Test
    void fidFromFeaturesAndFromSavedStats() throws IOException {
        Path out = dir.resolve("fid.json");
        Path stats = dir.resolve("real_stats.npz");
        assertEquals(ExitCodes.OK, run("fid", "--real", real.toString(), "--fake", fake.toString(), "--json", out.toString(),
                "--save-stats", stats.toString(), "--bootstrap", "20"));
        JsonNode j = json(out);
        double expected = FrechetDistance.compute(GaussianStatistics.of(a), GaussianStatistics.of(b)).value();
        assertEquals("fid", j.get("metric").asText());
        assertEquals(expected, j.get("value").asDouble(), 1e-12);
        assertEquals(120, j.get("n_real").asInt());
        assertEquals(100, j.get("n_fake").asInt());
        assertEquals(6, j.get("dim").asInt());
        assertTrue(j.has("seconds") && j.has("ci"));
        assertTrue(j.get("ci").get("estimand").asText().startsWith("expected FID at 120 real and 100 generated samples"), j.get("ci").toString());
        assertTrue(j.get("ci").get("method").asText().contains("bias-centred"), j.get("ci").toString());
        Path out2 = dir.resolve("fid2.json");
        assertEquals(ExitCodes.OK, run("fid", "--real", stats.toString(), "--fake", fake.toString(), "--json", out2.toString()));
        assertEquals(expected, json(out2).get("value").asDouble(), 1e-12);
        assertEquals(-1, json(out2).get("n_real").asInt(), "a pytorch-fid npz does not store n");
    }

    @Test
    void kidAndPrdcJson() throws IOException {
        Path out = dir.resolve("kid.json");
        assertEquals(ExitCodes.OK, run("kid", "--real", real.toString(), "--fake", fake.toString(), "--subsets", "5",
                "--subset-size", "50", "--json", out.toString()));
        JsonNode j = json(out);
        KernelInceptionDistance.Result k = new KernelInceptionDistance(5, 50, 2020).compute(a, b);
        assertEquals(k.mean(), j.get("value").asDouble(), 1e-15);
        assertEquals(k.std(), j.get("std").asDouble(), 1e-15);
        assertEquals(50, j.get("subset_size").asInt());
        Path p = dir.resolve("prdc.json");
        assertEquals(ExitCodes.OK, run("prdc", "--real", real.toString(), "--fake", fake.toString(), "--k", "3", "--json", p.toString()));
        JsonNode q = json(p);
        PrecisionRecallDensityCoverage.Result r = new PrecisionRecallDensityCoverage(3).compute(a, b);
        assertEquals(r.precision(), q.get("precision").asDouble(), 0.0);
        assertEquals(r.recall(), q.get("recall").asDouble(), 0.0);
        assertEquals(r.density(), q.get("density").asDouble(), 0.0);
        assertEquals(r.coverage(), q.get("coverage").asDouble(), 0.0);
        assertEquals(3, q.get("k").asInt());
    }

    @Test
    void inceptionScoreFromLogits() throws IOException {
        Path logits = dir.resolve("logits.npy");
        NpyWriter.write(logits, NpyArray.matrix(a)); // 120 samples, 6 classes
        Path out = dir.resolve("is.json");
        assertEquals(ExitCodes.OK, run("inception-score", "--fake", logits.toString(), "--splits", "4", "--bootstrap", "20", "--json", out.toString()));
        JsonNode j = json(out);
        InceptionScore.Result r = new InceptionScore(4, true, 2020).compute(a); // torch-fidelity's default seed
        assertEquals(r.mean(), j.get("value").asDouble(), 1e-12);
        assertEquals(r.std(), j.get("std").asDouble(), 1e-12);
        assertEquals(6, j.get("classes").asInt());
        assertEquals(120, j.get("n").asInt());
        assertTrue(j.get("ci").get("estimand").asText().startsWith("expected Inception Score of 120 generated samples"), j.get("ci").toString());
        assertEquals(ExitCodes.BAD_INPUT, run("inception-score", "--fake", dir.toString()));
        assertTrue(err.contains("--classifier"), err);
        assertEquals(ExitCodes.BAD_INPUT, run("inception-score", "--fake", logits.toString(), "--splits", "121"));
        assertTrue(err.contains("found 120"), err);
    }

    @Test
    void badInputIsExitTwoNamingTheFile() throws IOException {
        Path stats = dir.resolve("s.npz");
        assertEquals(ExitCodes.OK, run("fid", "--real", real.toString(), "--save-stats", stats.toString()));
        assertEquals(ExitCodes.BAD_INPUT, run("kid", "--real", stats.toString(), "--fake", fake.toString()));
        assertTrue(err.contains("s.npz") && err.contains("statistics"), err);
        assertEquals(ExitCodes.BAD_INPUT, run("fid", "--real", dir.resolve("nope.npy").toString(), "--fake", fake.toString()));
        assertTrue(err.contains("nope.npy"), err);
        Path junk = dir.resolve("junk.npy");
        Files.writeString(junk, "not numpy");
        assertEquals(ExitCodes.BAD_INPUT, run("prdc", "--real", real.toString(), "--fake", junk.toString()));
        assertTrue(err.contains("junk.npy"), err);
        Path other = dir.resolve("other.npy");
        NpyWriter.write(other, NpyArray.matrix(new double[][]{{1, 2}, {3, 4}, {5, 7}}));
        assertEquals(ExitCodes.BAD_INPUT, run("fid", "--real", real.toString(), "--fake", other.toString()));
        assertTrue(err.contains("other.npy") && err.contains("dimension"), err);
        assertEquals(ExitCodes.BAD_INPUT, run("fid", "--real", dir.toString(), "--fake", fake.toString()));
        assertTrue(err.contains("--features"), err);
    }

    @Test
    void hugeOrDamagedImagesInAFolderAreExitTwoBeforeDecoding() throws IOException {
        Path images = Path.of("..", "engine", "src", "test", "resources", "images").toAbsolutePath().normalize();
        Path extractor = Path.of("..", "fixtures", "image-models", "features.pt").toAbsolutePath().normalize();
        for (String hostile : new String[]{"huge-header.png", "truncated.jpg", "empty.png"}) {
            Path folder = dir.resolve("hostile-" + hostile);
            Files.createDirectories(folder);
            Files.copy(images.resolve("rgba.png"), folder.resolve("a.png"));
            Files.copy(images.resolve(hostile), folder.resolve("b-" + hostile));
            assertEquals(ExitCodes.BAD_INPUT, run("fid", "--real", folder.toString(), "--fake", folder.toString(), "--resize", "8",
                    "--features", "torchscript:" + extractor), hostile);
            assertTrue(err.contains("b-" + hostile), err);
            assertFalse(err.contains("Exception") || err.contains("\tat "), err);
        }
        assertTrue(err.contains("empty file"), err);
    }
}
