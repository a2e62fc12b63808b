package io.genaudit.reports;

import io.genaudit.reports.format.Numbers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Renders a run record as {@code summary.md} for CI job summaries (e.g. {@code $GITHUB_STEP_SUMMARY}): a verdict line,
 * then one table row per audit (audit, model, metric, value, CI, n, gate, verdict), then the failed gates' explanations.
 * Cell text is escaped so pipes, HTML and Markdown in ids or model names cannot break the table.
 */
public final class MarkdownSummaryRenderer {
    private MarkdownSummaryRenderer() {
    }

    /** The summary as Markdown text. */
    public static String render(RunRecord record) {
        List<AuditResult> audits = record.audits() == null ? List.of() : record.audits();
        long gated = audits.stream().filter(a -> a.gate() != null).count();
        long passed = audits.stream().filter(a -> a.gate() != null && a.gate().passed()).count();
        StringBuilder md = new StringBuilder();
        String title = record.title() == null || record.title().isBlank() ? "genaudit run" : record.title();
        md.append("## ").append(inline(title)).append("\n\n");
        String verdict = record.verdict() == null ? "UNKNOWN" : record.verdict();
        String icon = "PASS".equals(verdict) ? "✅" : "FAIL".equals(verdict) ? "❌" : "❔";
        md.append("**Verdict: ").append(icon).append(' ').append(inline(verdict)).append("**");
        md.append(" — ").append(gated == 0 ? "no gates set" : passed + " of " + gated + " gates passed");
        md.append(", ").append(audits.size()).append(audits.size() == 1 ? " audit" : " audits");
        if (record.planName() != null) md.append(" (plan `").append(record.planName().replace("`", "'")).append("`)");
        md.append("\n\n");
        if (!audits.isEmpty()) {
            md.append("| Audit | Model | Metric | Value | 95% CI | n | Gate | Verdict |\n");
            md.append("|---|---|---|---:|---:|---:|---|---|\n");
            for (AuditResult a : audits) md.append(row(a)).append('\n');
            md.append('\n');
        }
        List<AuditResult> failed = audits.stream().filter(a -> a.gate() != null && !a.gate().passed()).toList();
        if (!failed.isEmpty()) {
            md.append("### Failed gates\n\n");
            for (AuditResult a : failed) {
                md.append("- **").append(inline(a.id())).append("**: ").append(inline(a.gate().explanation())).append('\n');
            }
            md.append('\n');
        }
        md.append("Full report: `report.html`; machine-readable record: `run.json`.\n");
        return md.toString();
    }

    /** Writes {@code summary.md} atomically. */
    public static void write(RunRecord record, Path file) throws IOException {
        AtomicWrite.writeString(file, render(record));
    }

    /** One table row; the CI column shows the interval's level when it is not 95%. */
    static String row(AuditResult a) {
        GateOutcome g = a.gate();
        String ci = a.ci() == null ? Numbers.MISSING
                : Math.abs(a.ci().level() - 0.95) < 1e-9 ? Numbers.bounds(a.ci()) : Numbers.level(a.ci()) + " " + Numbers.bounds(a.ci());
        String gate = g == null ? Numbers.MISSING
                : cell(g.field() == null || g.field().isBlank() ? "value" : g.field()) + " " + cell(Numbers.gateCondition(g.op(), g.threshold()));
        String verdict = g == null ? "not gated" : g.passed() ? "✅ PASS" : "❌ FAIL";
        String value = a.value() == null ? Numbers.MISSING : Numbers.format(a.value().doubleValue())
                + (a.unit() == null || a.unit().isBlank() ? "" : ("%".equals(a.unit()) ? "" : " ") + cell(a.unit()));
        // numbers and interval bounds are genaudit's own text (digits, brackets, symbols): shown as they are
        return "| " + String.join(" | ", cell(a.id()), cell(a.model()), cell(a.metric()), value,
                ci, Numbers.count(a.n()), gate, verdict) + " |";
    }

    /** A table cell: inline-escaped, with pipes escaped so they do not split the cell. */
    static String cell(String s) {
        return inline(s).replace("|", "\\|");
    }

    /** Escapes text for inline Markdown: backslashes, emphasis and code markers, brackets, HTML; newlines become spaces. */
    static String inline(String s) {
        if (s == null) return Numbers.MISSING;
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\', '*', '_', '`', '[', ']', '#', '~' -> b.append('\\').append(c);
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '\n', '\r', '\t' -> b.append(' ');
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
