package io.genaudit.reports.output;

import io.genaudit.reports.AtomicWrite;
import io.genaudit.reports.EmissionsCsvRenderer;
import io.genaudit.reports.JUnitXmlRenderer;
import io.genaudit.reports.MarkdownSummaryRenderer;
import io.genaudit.reports.RunRecord;
import io.genaudit.reports.RunRecordJson;
import io.genaudit.reports.html.HtmlReportRenderer;
import io.genaudit.reports.pdf.PdfReportRenderer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes every output of a run into a directory: {@code report.html}, {@code report.pdf} (the same page through
 * openhtmltopdf, with the run id and the SHA-256 of run.json in every page's footer), {@code run.json},
 * {@code junit.xml}, {@code summary.md}. All are rendered in memory first, so a renderer failure writes nothing; each
 * file is then replaced atomically (temporary file + move).
 */
public final class ReportWriter {
    public static final String HTML = "report.html";
    public static final String PDF = "report.pdf";
    public static final String JSON = "run.json";
    public static final String JUNIT = "junit.xml";
    public static final String MARKDOWN = "summary.md";

    private ReportWriter() {
    }

    /** Renders and writes the five outputs into {@code dir} (created if missing); returns the paths written. */
    public static List<Path> writeAll(RunRecord record, Path dir) throws IOException {
        String json = RunRecordJson.toJson(record);
        String html = HtmlReportRenderer.render(record);
        byte[] pdf = PdfReportRenderer.render(html, pdfFooter(record, json));
        String junit = JUnitXmlRenderer.render(record);
        String md = MarkdownSummaryRenderer.render(record);
        Files.createDirectories(dir);
        List<Path> paths = List.of(dir.resolve(JSON), dir.resolve(HTML), dir.resolve(PDF), dir.resolve(JUNIT), dir.resolve(MARKDOWN));
        AtomicWrite.writeString(paths.get(0), json);
        AtomicWrite.writeString(paths.get(1), html);
        AtomicWrite.writeBytes(paths.get(2), pdf);
        AtomicWrite.writeString(paths.get(3), junit);
        AtomicWrite.writeString(paths.get(4), md);
        return paths;
    }

    /** "genaudit run ID · run.json SHA-256 HEX": what identifies the run on every PDF page. */
    static String pdfFooter(RunRecord record, String json) {
        String id = record.provenance() == null ? "-" : EmissionsCsvRenderer.runId(record.provenance()).toString();
        return "genaudit run " + id + " · run.json SHA-256 " + sha256(json);
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
