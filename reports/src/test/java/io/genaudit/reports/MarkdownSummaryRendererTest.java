package io.genaudit.reports;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkdownSummaryRendererTest {
    @Test
    void verdictLineThenOneRowPerAudit() {
        String md = MarkdownSummaryRenderer.render(SampleRunRecords.rich());
        List<String> lines = md.lines().toList();
        assertEquals("## Nightly audit: tiny models", lines.get(0));
        assertEquals("**Verdict: ❌ FAIL** — 2 of 3 gates passed, 5 audits (plan `sample-plan`)", lines.get(2));
        List<String> table = lines.stream().filter(l -> l.startsWith("|")).toList();
        assertEquals(7, table.size(), "header + separator + 5 rows");
        assertEquals("| Audit | Model | Metric | Value | 95% CI | n | Gate | Verdict |", table.get(0));
        assertEquals("| lm-perplexity | tiny-gpt | perplexity | 3.412 nats | [3.351, 3.478] | 12,800 | value ≤ 4 | ✅ PASS |", table.get(2));
        assertEquals("| gan-fid | dcgan-digits | fid | 48.71 | [45.02, 52.9] | 2,000 | value ≤ 40 | ❌ FAIL |", table.get(3));
        assertEquals("| bias-parity | tiny-gpt | demographic-parity-ratio | 0.86 | 90% [0.79, 0.93] | 900 | value ≥ 0.8 | ✅ PASS |", table.get(4));
        assertEquals("| gan-diversity | dcgan-digits | duplicate-pairs | — | — | — | — | not gated |", table.get(6));
        for (String row : table) assertEquals(10, row.split("(?<!\\\\)\\|", -1).length, "8 cells: " + row);
        assertTrue(md.contains("### Failed gates\n\n- **gan-fid**: fid = 48.71"));
    }

    @Test
    void pipesHtmlAndMarkdownInCellsAreEscaped() {
        AuditResult a = new AuditResult("a|b", "m", "<img src=x onerror=alert(1)>", null, 1.0, null, null, 1L, null, null, null,
                null, null, null, null);
        RunRecord r = new RunRecord(RunRecord.SCHEMA_VERSION, "t *x*", "p", "PASS", List.of(), List.of(a), null);
        String md = MarkdownSummaryRenderer.render(r);
        String row = md.lines().filter(l -> l.startsWith("| a")).findFirst().orElseThrow();
        assertTrue(row.startsWith("| a\\|b | &lt;img src=x onerror=alert(1)&gt; |"), row);
        assertEquals(10, row.split("(?<!\\\\)\\|", -1).length, row);
        assertFalse(md.contains("<img"));
        assertTrue(md.startsWith("## t \\*x\\*"));
        assertTrue(md.contains("**Verdict: ✅ PASS** — no gates set, 1 audit"));
    }
}
