package io.genaudit.reports;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunRecordJsonTest {
    @TempDir
    Path dir;

    @Test
    void roundTripPreservesEveryField() throws Exception {
        RunRecord r = SampleRunRecords.rich();
        Path file = dir.resolve("run.json");
        RunRecordJson.write(r, file);
        RunRecord back = RunRecordJson.read(file);

        assertEquals(RunRecordJson.toJson(r), RunRecordJson.toJson(back), "write(read(write(r))) == write(r)");
        assertEquals(r.verdict(), back.verdict());
        assertEquals(r.audits().size(), back.audits().size());
        AuditResult a = r.audits().get(0);
        AuditResult b = back.audits().get(0);
        assertEquals(a.value(), b.value());
        assertEquals(a.ci(), b.ci());
        assertEquals(a.gate(), b.gate());
        assertEquals(a.n(), b.n());
        assertEquals(a.notes(), b.notes());
        Chart.Series sa = a.charts().get(0).series().get(0);
        Chart.Series sb = b.charts().get(0).series().get(0);
        assertArrayEquals(sa.x(), sb.x());
        assertArrayEquals(sa.y(), sb.y());
        assertArrayEquals(sa.low(), sb.low());
        assertArrayEquals(sa.high(), sb.high());
        assertEquals(Chart.Type.LINE, b.charts().get(0).type());
        assertEquals(Map.of("min", 2.91, "max", 4.12), b.details().get("perDocument"));
        assertEquals(r.audits().get(1).figures().get(0), back.audits().get(1).figures().get(0));
        assertEquals(r.audits().get(2).tables().get(0), back.audits().get(2).tables().get(0));
        assertEquals(r.provenance().phases().get(0).energy().joules(), back.provenance().phases().get(0).energy().joules());
        assertEquals(r.provenance().phases().get(0).units(), back.provenance().phases().get(0).units());
        assertEquals(r.provenance().files(), back.provenance().files());
        assertNull(back.audits().get(4).value());
        assertNull(back.audits().get(3).gate());
    }

    @Test
    void nonFiniteNumbersSurviveAsStrings() {
        RunRecord r = SampleRunRecords.rich();
        String json = RunRecordJson.toJson(r);
        assertTrue(json.contains("\"cpuSeconds\" : \"NaN\""), "NaN CPU time is written as a string");
        RunRecord back = RunRecordJson.fromJson(json, "mem");
        assertTrue(Double.isNaN(back.provenance().phases().get(3).cpuSeconds()));
    }

    @Test
    void outputIsStableRegardlessOfMapInsertionOrder() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("zeta", 1);
        a.put("alpha", 2);
        Map<String, Object> b = new HashMap<>();
        b.put("alpha", 2);
        b.put("zeta", 1);
        String ja = RunRecordJson.toJson(withSettings(a));
        String jb = RunRecordJson.toJson(withSettings(b));
        assertEquals(ja, jb);
        assertTrue(ja.indexOf("\"alpha\"") < ja.indexOf("\"zeta\""), "map keys sorted");
        assertTrue(ja.indexOf("\"schemaVersion\"") < ja.indexOf("\"title\"") && ja.indexOf("\"title\"") < ja.indexOf("\"audits\""),
                "record fields in declaration order");
        assertTrue(ja.endsWith("}\n"));
    }

    @Test
    void unknownFieldsAreIgnoredForForwardCompatibility() throws Exception {
        JsonNode tree = RunRecordJson.mapper().readTree(RunRecordJson.toJson(SampleRunRecords.rich()));
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree).put("schemaVersion", "1.7").put("addedIn17", true);
        RunRecord back = RunRecordJson.fromJson(tree.toString(), "future.json");
        assertEquals("1.7", back.schemaVersion());
    }

    @Test
    void rejectsOtherMajorVersionsInvalidJsonAndMissingVersion() throws Exception {
        var e1 = assertThrows(RunRecordFormatException.class,
                () -> RunRecordJson.fromJson("{\"schemaVersion\":\"2.0\",\"audits\":[]}", "old/run.json"));
        assertTrue(e1.getMessage().startsWith("old/run.json: schemaVersion 2.0 is not supported"), e1.getMessage());
        var e2 = assertThrows(RunRecordFormatException.class, () -> RunRecordJson.fromJson("{\"schemaVersion\":", "broken.json"));
        assertTrue(e2.getMessage().contains("broken.json") && e2.getMessage().contains("invalid JSON"), e2.getMessage());
        var e3 = assertThrows(RunRecordFormatException.class, () -> RunRecordJson.fromJson("{\"audits\":[]}", "x.json"));
        assertTrue(e3.getMessage().contains("schemaVersion"), e3.getMessage());
        var e4 = assertThrows(RunRecordFormatException.class, () -> RunRecordJson.fromJson("[1,2]", "arr.json"));
        assertTrue(e4.getMessage().contains("expected a JSON object"), e4.getMessage());
        var e5 = assertThrows(RunRecordFormatException.class,
                () -> RunRecordJson.fromJson("{\"schemaVersion\":\"1.0\",\"audits\":\"oops\"}", "shape.json"));
        assertTrue(e5.getMessage().startsWith("shape.json: not a valid run record"), e5.getMessage());
        var e6 = assertThrows(RunRecordFormatException.class, () -> RunRecordJson.read(dir.resolve("missing.json")));
        assertTrue(e6.getMessage().contains("missing.json"), e6.getMessage());
    }

    @Test
    void writeIsAtomicAndLeavesNoTemporaryFiles() throws Exception {
        Path file = dir.resolve("out/run.json");
        RunRecordJson.write(SampleRunRecords.rich(), file);
        RunRecordJson.write(SampleRunRecords.rich(), file);
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of("run.json"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    private static RunRecord withSettings(Map<String, Object> settings) {
        AuditResult a = new AuditResult("a", "m", "model", "d", 1.0, null, null, 1L, settings, null, null, null, null, null, null);
        return new RunRecord(RunRecord.SCHEMA_VERSION, "t", "p", "PASS", List.of(), List.of(a), null);
    }
}
