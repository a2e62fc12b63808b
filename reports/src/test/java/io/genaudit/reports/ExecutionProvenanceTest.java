package io.genaudit.reports;

import io.genaudit.reports.html.HtmlReportRenderer;
import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A distributed run's {@code execution} block: in run.json (and read back), in the HTML report's provenance section
 * (engine, master, versions, executors, partitions, tree depth, exactness, each audit's merge); absent from both for
 * a run in one JVM.
 */
class ExecutionProvenanceTest {
    static RunRecord onSpark(Map<String, String> merges) {
        RunRecord r = SampleRunRecords.rich();
        ExecutionRecord e = new ExecutionRecord("spark", "spark://10.0.0.5:7077", "4.2.0", "25.0.1+8", 3, 12, 48, 3, 512, merges,
                "gan-fid: equal to the single pass (headline relative difference 3.1e-15)");
        return new RunRecord(r.schemaVersion(), r.title(), r.planName(), r.verdict(), r.models(), r.audits(), r.provenance(), e);
    }

    private static Map<String, String> exact() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("gan-fid", "exact: summary states merged by treeReduce");
        m.put("lm-perplexity", "exact: items collected on driver in global row-id order");
        return m;
    }

    private static Map<String, String> facts(Document d) {
        Element h = d.getElementById("execution");
        assertNotNull(h, "an Execution heading in provenance");
        assertEquals("provenance", h.closest("section").id());
        Element table = h.nextElementSiblings().select("table.kv").first();
        Map<String, String> kv = new LinkedHashMap<>();
        for (Element row : table.select("tr")) kv.put(row.selectFirst("th").text(), row.selectFirst("td").text());
        return kv;
    }

    @Test
    void theReportShowsWhereTheRunHappenedInItsProvenance() {
        Document d = Jsoup.parse(HtmlReportRenderer.render(onSpark(exact())));
        Map<String, String> kv = facts(d);
        assertEquals("spark", kv.get("Engine"));
        assertEquals("spark://10.0.0.5:7077", kv.get("Master"));
        assertEquals("4.2.0", kv.get("Spark version"));
        assertEquals("25.0.1+8", kv.get("Java version (driver)"));
        assertEquals("3", kv.get("Executors"));
        assertEquals("48", kv.get("Partitions per input table"));
        assertEquals("3", kv.get("treeReduce depth"));
        assertTrue(kv.get("Exactness").startsWith("every audit merged exactly"), kv.toString());
        assertTrue(kv.get("Local check").contains("gan-fid: equal to the single pass"), kv.toString());
        Element merges = d.select("#provenance h3").stream().filter(h -> h.text().startsWith("Merge of each audit"))
                .findFirst().orElseThrow().nextElementSibling();
        assertEquals("gan-fid exact: summary states merged by treeReduce", merges.select("tbody tr").get(0).text());
        assertEquals(2, merges.select("tbody tr").size());
    }

    @Test
    void anApproximateMergeIsSaid() {
        Map<String, String> m = exact();
        m.put("gan-fid", "approximate: sketch of the quantiles");
        Map<String, String> kv = facts(Jsoup.parse(HtmlReportRenderer.render(onSpark(m))));
        assertTrue(kv.get("Exactness").startsWith("some audits merged approximately"), kv.toString());
    }

    @Test
    void runJsonCarriesTheBlockAndALocalRunHasNone() throws Exception {
        RunRecord spark = onSpark(exact());
        JsonNode tree = RunRecordJson.mapper().readTree(RunRecordJson.toJson(spark));
        assertEquals("spark://10.0.0.5:7077", tree.get("execution").get("master").asText());
        assertEquals("exact: summary states merged by treeReduce", tree.get("execution").get("merges").get("gan-fid").asText());
        assertEquals(spark.execution(), RunRecordJson.mapper().treeToValue(tree, RunRecord.class).execution());

        RunRecord local = SampleRunRecords.rich();
        assertFalse(RunRecordJson.toJson(local).contains("\"execution\""));
        assertNull(Jsoup.parse(HtmlReportRenderer.render(local)).getElementById("execution"));
    }
}
