package io.genaudit.reports.compliance;

import io.genaudit.reports.html.HtmlReportRenderer;
import io.genaudit.reports.Provenance;
import io.genaudit.reports.RunRecord;
import io.genaudit.reports.SampleRunRecords;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The regulations' map: every requirement present, its status follows what the run measured, and it is in the report. */
class ComplianceMapTest {
    private static Map<String, ComplianceRow> byClause(RunRecord r) {
        return ComplianceMap.of(r).stream().collect(Collectors.toMap(ComplianceRow::clause, x -> x));
    }

    @Test
    void everyRequirementIsMappedWithItsStatus() {
        Map<String, ComplianceRow> rows = byClause(SampleRunRecords.rich());
        assertEquals(List.of("Annex IV 2(g)", "Art. 15", "Art. 50(2)", "MS-2.11-002", "MS-2.13-001", "MS-2.12-003", "MS-2.7-005",
                "MS-1.1-009", "A.6.2.4"), ComplianceMap.of(SampleRunRecords.rich()).stream().map(ComplianceRow::clause).toList());
        assertEquals(ComplianceRow.MEASURED, rows.get("Annex IV 2(g)").status());
        assertEquals(ComplianceRow.MEASURED, rows.get("A.6.2.4").status());
        assertTrue(rows.get("A.6.2.4").evidence().contains("2 of 3 gates passed"), rows.get("A.6.2.4").evidence());
        assertTrue(rows.get("MS-2.12-003").status().equals(ComplianceRow.PARTLY));
        rows.values().forEach(r -> assertTrue(!r.notMeasured().isBlank() && !r.asks().isBlank(), r.clause()));
    }

    @Test
    void anEmptyRunMeasuresNothing() {
        RunRecord empty = new RunRecord(RunRecord.SCHEMA_VERSION, "t", "p", "PASS", List.of(), List.of(),
                new Provenance("0.1.0", null, null, 0, List.of(), Map.of(), null, null, null, 0, null, null, null, 0, List.of(), Map.of()));
        Map<String, ComplianceRow> rows = byClause(empty);
        for (String c : List.of("Annex IV 2(g)", "Art. 15", "Art. 50(2)", "MS-2.11-002", "MS-2.13-001", "MS-2.12-003", "MS-2.7-005", "A.6.2.4")) {
            assertEquals(ComplianceRow.NOT, rows.get(c).status(), c);
        }
    }

    @Test
    void theReportHasTheSectionWithSourcesAndVersions() {
        Document d = Jsoup.parse(HtmlReportRenderer.render(SampleRunRecords.rich()));
        var section = d.getElementById("compliance");
        assertTrue(section != null);
        assertEquals(9, section.select("tbody tr").size());
        assertTrue(section.text().contains("Regulation (EU) 2024/1689") && section.text().contains("July 2024")
                && section.text().contains("ISO/IEC 42001:2023"), section.text());
    }
}
