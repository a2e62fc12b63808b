package io.genaudit.audits.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The embedded demo end to end: trains every built-in model on fixtures, runs every audit, and writes the five
 * outputs; the report is parsed and checked for every audit section, its provenance, and no external requests.
 */
@Tag("integration")
class DemoEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void demoWritesTheFullEvidence() throws Exception {
        Path out = dir.resolve("demo");
        int code = Main.commandLine().execute("demo", "--out", out.toString(), "--cache", dir.resolve("cache").toString());
        assertTrue(code == 0 || code == 1, "exit code " + code);
        for (String f : new String[]{"report.html", "report.pdf", "run.json", "junit.xml", "summary.md", "emissions.csv"}) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        JsonNode rec = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        assertEquals("1.0", rec.get("schemaVersion").asText());
        Set<String> metrics = new HashSet<>();
        rec.get("audits").forEach(a -> metrics.add(a.get("metric").asText()));
        for (String m : new String[]{"perplexity", "diversity", "bias-lm", "fid", "kid", "prdc", "bias-image", "detectability"}) {
            assertTrue(metrics.contains(m), "missing " + m + " in " + metrics);
        }
        JsonNode ppl = rec.get("audits").get(0);
        assertEquals("perplexity", ppl.get("metric").asText());
        assertTrue(ppl.get("value").asDouble() > 1 && ppl.get("ci").get("low").asDouble() <= ppl.get("value").asDouble());
        assertTrue(ppl.get("n").asLong() > 1000, "scored tokens");
        boolean sampleFolderFid = false;
        for (JsonNode a : rec.get("audits")) {
            if (a.get("metric").asText().equals("detectability") && a.get("id").asText().equals("detectability")) {
                JsonNode cg = a.get("details").get("cross_generator");
                assertEquals(1, cg.size(), "one other generator for " + a.get("model"));
                assertEquals(a.get("model").asText().equals("gan") ? "vae" : "gan", cg.get(0).get("across_model").asText());
            }
            if (a.get("metric").asText().equals("diversity")) {
                JsonNode d = a.get("details");
                assertTrue(d.get("distinct_2_ci_low").asDouble() <= d.get("distinct_2").asDouble()
                        && d.get("distinct_2").asDouble() <= d.get("distinct_2_ci_high").asDouble(), d.toString());
            }
            if (a.get("metric").asText().equals("perplexity") && !a.get("id").asText().startsWith("compare:")) {
                JsonNode docs = a.get("details").get("per_document");
                assertNotNull(docs, a.get("id") + " carries per-document scores");
                assertTrue(docs.size() > 1 && docs.get(0).has("nllNats") && docs.get(0).has("id"), "typed per-document scores in run.json");
            }
            if (a.get("id").asText().equals("fid-sample-folder")) {
                assertEquals("skewed-samples", a.get("model").asText(), "samples as data are labelled with the dataset id");
                assertEquals(500, a.get("n").asLong());
                assertTrue(a.get("value").asDouble() > 0 && a.get("ci").get("low").asDouble() <= a.get("value").asDouble());
                sampleFolderFid = true;
            }
        }
        assertTrue(sampleFolderFid, "the demo audits a folder of samples");
        JsonNode prov = rec.get("provenance");
        assertEquals("PyTorch", prov.get("engine").asText());
        assertTrue(prov.get("phases").size() >= 6, "train, sample and evaluate phases");
        assertTrue(prov.get("phases").get(0).get("energy").get("method").asText().startsWith("estimated")
                || prov.get("phases").get(0).get("energy").get("method").asText().startsWith("measured"));

        Document html = Jsoup.parse(out.resolve("report.html").toFile());
        assertTrue(html.select("script[src], link[href^=http], img[src^=http]").isEmpty(), "self-contained");
        assertFalse(html.select("svg").isEmpty(), "charts as inline SVG");
        assertFalse(html.select("img[src^=data:image/png]").isEmpty(), "contact sheets inline");
        String text = html.text();
        for (String id : new String[]{"perplexity", "diversity", "fid", "detectability", "bias-image"}) {
            assertTrue(text.contains(id), "report mentions " + id);
        }
        assertTrue(text.contains("Cross-generator transfer"), "cross-generator result in the report");
        assertTrue(Files.readString(out.resolve("junit.xml")).contains("testcase"));
    }
}
