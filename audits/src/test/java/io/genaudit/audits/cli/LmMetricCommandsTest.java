package io.genaudit.audits.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** {@code genaudit perplexity} and {@code genaudit diversity}: JSON outputs and exit codes. */
class LmMetricCommandsTest extends CommandLineTest {
    LmMetricCommandsTest() {
        super(false);
    }

    @Test
    void diversityWritesAllFields() throws Exception {
        Path text = dir.resolve("gen.txt");
        Files.writeString(text, "the cat sat\nthe cat sat\nthe dog ran\n\na bird flew away\n");
        Path out = dir.resolve("d.json");
        assertEquals(0, run("diversity", "--text", text.toString(), "--json", out.toString()));
        JsonNode j = json(out);
        assertEquals("diversity", j.get("metric").asText());
        assertEquals(4, j.get("n").asInt());
        assertEquals(9.0 / 13, j.get("distinct_1").asDouble(), 1e-12); // 9 distinct words among 13 (blank line skipped)
        for (String f : new String[]{"distinct_4", "self_bleu_2", "self_bleu_3", "self_bleu_4", "entropy_1", "vendi", "seconds"}) {
            assertTrue(j.has(f), f);
        }
        for (String f : new String[]{"distinct_1", "distinct_2", "entropy_4", "self_bleu_2"}) {
            assertTrue(j.get(f + "_ci_low").asDouble() <= j.get(f).asDouble(), f);
            assertTrue(j.get(f + "_ci_high").asDouble() >= j.get(f).asDouble(), f);
        }
        assertEquals(1000, j.get("params").get("bootstrap").asInt());
        assertFalse(j.has("reference_distinct_1"), "no reference given");

        Path ref = dir.resolve("ref.txt");
        Files.writeString(ref, "one two three\nfour five six\n");
        assertEquals(0, run("diversity", "--text", text.toString(), "--reference", ref.toString(), "--tokenizer", "bytes",
                "--bootstrap", "0", "--json", out.toString()));
        JsonNode k = json(out);
        assertEquals(2, k.get("reference_n").asInt());
        assertEquals(1.0, k.get("reference_distinct_4").asDouble(), 1e-12, "two texts without a shared byte 4-gram");
        assertFalse(k.has("distinct_2_ci_low"), "bootstrap 0: no intervals");
        assertEquals(2, run("diversity", "--text", text.toString(), "--bootstrap", "5"));
        assertEquals(2, run("diversity", "--text", text.toString(), "--tokenizer", "words"));
    }

    @Test
    void badInputExitsTwo() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "some text");
        assertEquals(2, run("perplexity", "--model", "pickle:x", "--text", dir.toString()));
        assertEquals(2, run("perplexity", "--model", "torchscript:" + dir.resolve("missing.pt"), "--text", dir.toString()));
        assertEquals(2, run("diversity", "--text", dir.resolve("missing.txt").toString()));
    }
}
