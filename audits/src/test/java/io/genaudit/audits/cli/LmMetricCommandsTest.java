package io.genaudit.audits.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genaudit.engine.io.NpyArray;
import io.genaudit.engine.io.NpyWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** {@code genaudit perplexity} and {@code genaudit diversity}: JSON outputs and exit codes. */
class LmMetricCommandsTest {
    @TempDir
    Path dir;

    private int run(String... args) {
        return CliRun.execute(false, args).code();
    }

    @Test
    void diversityWritesAllFields() throws Exception {
        Path text = dir.resolve("gen.txt");
        Files.writeString(text, "the cat sat\nthe cat sat\nthe dog ran\n\na bird flew away\n");
        Path out = dir.resolve("d.json");
        assertEquals(0, run("diversity", "--text", text.toString(), "--json", out.toString()));
        JsonNode j = new ObjectMapper().readTree(out.toFile());
        assertEquals("diversity", j.get("metric").asText());
        assertEquals(4, j.get("n").asInt());
        assertEquals(9.0 / 13, j.get("distinct_1").asDouble(), 1e-12); // 9 distinct words among 13 (blank line skipped)
        for (String f : new String[]{"distinct_4", "self_bleu_2", "self_bleu_3", "self_bleu_4", "entropy_1", "vendi", "seconds"}) {
            assertTrue(j.has(f), f);
        }
        for (String f : new String[]{"distinct_1_ci", "distinct_2_ci", "entropy_4_ci", "self_bleu_2_ci"}) {
            assertEquals(2, j.get(f).size(), f);
            assertTrue(j.get(f).get(0).asDouble() <= j.get(f.replace("_ci", "")).asDouble(), f);
            assertTrue(j.get(f).get(1).asDouble() >= j.get(f.replace("_ci", "")).asDouble(), f);
        }
        assertEquals(1000, j.get("bootstrap_resamples").asInt());
    }

    @Test
    void vendiOnImageFeatures() throws Exception {
        Path npy = dir.resolve("f.npy");
        NpyWriter.write(npy, NpyArray.matrix(new double[][]{{1, 0}, {0, 2}, {3, 0}, {0, 1}}));
        Path out = dir.resolve("v.json");
        assertEquals(0, run("diversity", "--images", npy.toString(), "--json", out.toString()));
        assertEquals(2.0, new ObjectMapper().readTree(out.toFile()).get("vendi").asDouble(), 1e-9);
        assertEquals(2, run("diversity", "--images", dir.toString()));
    }

    @Test
    void badInputExitsTwo() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "some text");
        assertEquals(2, run("perplexity", "--model", "pickle:x", "--text", dir.toString()));
        assertEquals(2, run("perplexity", "--model", "torchscript:" + dir.resolve("missing.pt"), "--text", dir.toString()));
        assertEquals(2, run("diversity", "--text", dir.resolve("missing.txt").toString()));
    }
}
