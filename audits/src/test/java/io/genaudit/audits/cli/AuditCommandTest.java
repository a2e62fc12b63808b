package io.genaudit.audits.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** The audit, compare and history commands end to end on the test echo module: exit codes, outputs, messages. */
class AuditCommandTest extends CommandLineTest {
    AuditCommandTest() {
        super(true);
    }

    private Path plan(String name, String gate, double value) throws Exception {
        Path p = dir.resolve(name + ".yaml");
        Files.writeString(p, """
                name: %s
                seed: 3
                models:
                  - {id: a, type: fake}
                  - {id: b, type: fake}
                audits:
                  - id: score
                    metric: echo
                    model: [a, b]
                    params: {value: %s, text: "<script>alert(1)</script>"}
                    gate: %s
                """.formatted(name, value, gate));
        return p;
    }

    @Test
    void passingGateExitsZeroAndWritesAllOutputs() throws Exception {
        Path out = dir.resolve("out");
        assertEquals(0, run("audit", plan("ok", "{max: 40}", 12).toString(), "--out", out.toString(), "--cache", dir.resolve("c").toString()));
        for (String f : new String[]{"report.html", "report.pdf", "run.json", "junit.xml", "summary.md"}) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        JsonNode rec = json(out.resolve("run.json"));
        assertEquals("PASS", rec.get("verdict").asText());
        assertEquals(3, rec.get("audits").size(), "two models + their side-by-side comparison");
        assertEquals("compare:score", rec.get("audits").get(2).get("id").asText());
        assertTrue(rec.get("audits").get(0).get("gate").get("passed").asBoolean());
        assertEquals(3, rec.get("provenance").get("seed").asLong());
        assertEquals(64, rec.get("provenance").get("planSha256").asText().length());
        String html = Files.readString(out.resolve("report.html"));
        assertFalse(html.contains("<script>alert(1)</script>"), "model/data strings must be escaped");
    }

    @Tag("integration") // runs the CLI end to end and renders the full report (PDF): seconds on 2 cores
    @Test
    void failingGateExitsOne() throws Exception {
        Path out = dir.resolve("out");
        assertEquals(1, run("audit", plan("bad", "{max: 10}", 12).toString(), "--out", out.toString(), "--cache", dir.resolve("c").toString()));
        assertTrue(Files.readString(out.resolve("junit.xml")).contains("<failure"));
    }

    @Test
    void badInputExitsTwoNamingTheFileAndField() throws Exception {
        Path p = plan("typo", "{maximum: 40}", 12);
        Path out = dir.resolve("out");
        assertEquals(2, run("audit", p.toString(), "--out", out.toString(), "--cache", dir.resolve("c").toString()));
        assertTrue(err.contains(p.toString()), err);
        assertTrue(err.contains("audits[0].gate.maximum"), err);
        assertTrue(err.contains("unknown key 'maximum'"), err);
        assertFalse(Files.exists(out), "nothing half-written");
        assertEquals(2, run("audit", dir.resolve("missing.yaml").toString()));
        assertTrue(err.contains("missing.yaml") && err.contains("not found"), err);
        assertEquals(2, run("audit"));
    }

    @Tag("integration") // runs the CLI end to end and renders the full report (PDF): seconds on 2 cores
    @Test
    void seedOverrideAndDeterminism() throws Exception {
        Path p = plan("det", "{max: 40}", 12);
        run("audit", p.toString(), "--out", dir.resolve("o1").toString(), "--seed", "9", "--cache", dir.resolve("c").toString());
        run("audit", p.toString(), "--out", dir.resolve("o2").toString(), "--seed", "9", "--cache", dir.resolve("c").toString());
        ObjectMapper m = new ObjectMapper();
        JsonNode a = m.readTree(dir.resolve("o1/run.json").toFile()).get("audits");
        JsonNode b = m.readTree(dir.resolve("o2/run.json").toFile()).get("audits");
        assertEquals(a, b);
        assertEquals(9, m.readTree(dir.resolve("o1/run.json").toFile()).get("provenance").get("seed").asLong());
    }

    @Tag("integration")
    @Test
    void compareAndBaselineGateAndHistory() throws Exception {
        Path store = dir.resolve("store");
        Path c = dir.resolve("c");
        assertEquals(0, run("audit", plan("v1", "{max: 40}", 12).toString(), "--out", dir.resolve("r1").toString(), "--cache", c.toString(), "--store", store.toString()));
        assertEquals(0, run("audit", plan("v1", "{max: 40}", 12.2).toString(), "--out", dir.resolve("r2").toString(), "--cache", c.toString(), "--store", store.toString()));
        assertEquals(0, run("compare", dir.resolve("r1").toString(), dir.resolve("r2/run.json").toString(), "--out", dir.resolve("cmp").toString()));
        String md = Files.readString(dir.resolve("cmp/summary.md"));
        assertTrue(md.contains("compare:"), md);
        // baseline gate: 12.2 vs 12 with +-1 intervals: the worsening's upper bound exceeds 5%, so it fails
        Files.copy(dir.resolve("r1/run.json"), dir.resolve("base.json"));
        assertEquals(1, run("audit", plan("v1", "{baseline: base.json, maxWorsening: 5%}", 12.2).toString(), "--out", dir.resolve("r3").toString(), "--cache", c.toString()));
        assertEquals(0, run("audit", plan("v1", "{baseline: base.json, maxWorsening: 50%}", 12.2).toString(), "--out", dir.resolve("r4").toString(), "--cache", c.toString()));
        JsonNode g = json(dir.resolve("r4/run.json")).get("audits").get(0).get("gate");
        assertTrue(g.get("explanation").asText().contains("non-inferior") || g.get("op").asText().equals("non-inferior"));
        assertEquals(0, run("history", "echo", "--model", "a", "--store", store.toString(), "--out", dir.resolve("h.html").toString()));
        assertTrue(Files.readString(dir.resolve("h.html")).contains("<svg"));
    }

    @Tag("integration")
    @Test
    void compareRefusesDifferentData() throws Exception {
        Path c = dir.resolve("c");
        Path d1 = Files.writeString(dir.resolve("d1.txt"), "one");
        Path d2 = Files.writeString(dir.resolve("d2.txt"), "two");
        for (int i = 1; i <= 2; i++) {
            Path p = dir.resolve("p" + i + ".yaml");
            Files.writeString(p, """
                    name: p
                    models: [{id: a, type: fake}]
                    datasets: [{id: d, path: %s}]
                    audits: [{id: s, metric: echo, model: a, data: d}]
                    """.formatted(i == 1 ? d1 : d2));
            assertEquals(0, run("audit", p.toString(), "--out", dir.resolve("x" + i).toString(), "--cache", c.toString()));
        }
        assertEquals(2, run("compare", dir.resolve("x1").toString(), dir.resolve("x2").toString(), "--out", dir.resolve("cmp").toString()));
        assertTrue(err.contains("refusing to compare") && err.contains("different data"), err);
    }

    @Tag("integration")
    @Test
    void compareOfAMultiModelRunWithItselfReportsNoDifferenceAndExitsZero() throws Exception {
        Path p = plan("multi", "{max: 40}", 12);
        Path a = dir.resolve("a"), b = dir.resolve("b");
        assertEquals(0, run("audit", p.toString(), "--out", a.toString(), "--cache", dir.resolve("c1").toString()));
        assertEquals(0, run("audit", p.toString(), "--out", b.toString(), "--cache", dir.resolve("c2").toString()));
        Path cmp = dir.resolve("cmp");
        assertEquals(0, run("compare", a.toString(), a.toString(), "--out", cmp.toString()), err);
        JsonNode rec = json(cmp.resolve("run.json"));
        assertEquals(2, rec.get("audits").size(), "one comparison per model, models never paired with each other");
        for (JsonNode r : rec.get("audits")) {
            assertEquals(0.0, r.get("value").asDouble(), 0.0, "a run compared with itself differs by nothing");
        }
        assertEquals(0, run("compare", a.toString(), b.toString(), "--out", cmp.toString()), "other cache folders: still comparable; " + err);
    }

    @Tag("integration")
    @Test
    void outputFolderIsReplacedWholeAndKeptWhenTheRunFails() throws Exception {
        Path out = dir.resolve("out");
        assertEquals(0, run("audit", plan("ok", "{max: 40}", 12).toString(), "--out", out.toString(), "--cache", dir.resolve("c").toString()));
        String before = Files.readString(out.resolve("run.json"));
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, Files.readString(plan("ok", "{max: 40}", 13)).replace("text: ", "fail: input, text: "));
        assertEquals(2, run("audit", bad.toString(), "--out", out.toString(), "--cache", dir.resolve("c").toString()));
        assertEquals(before, Files.readString(out.resolve("run.json")), "the previous folder is untouched");
        assertEquals(0, run("audit", plan("ok", "{max: 40}", 14).toString(), "--out", out.toString(), "--cache", dir.resolve("c").toString()));
        assertTrue(Files.readString(out.resolve("run.json")).contains("14.0"), "replaced by the new run");
        try (var s = Files.list(dir)) {
            assertTrue(s.noneMatch(f -> f.getFileName().toString().startsWith(".out.")), "no temporary folder left");
        }
    }
}
