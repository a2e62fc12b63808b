package io.genaudit.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes every output of a run into a directory: {@code report.html}, {@code run.json}, {@code junit.xml},
 * {@code summary.md}. All four are rendered in memory first, so a renderer failure writes nothing; each file is then
 * replaced atomically (temporary file + move).
 */
public final class ReportWriter {
    public static final String HTML = "report.html";
    public static final String JSON = "run.json";
    public static final String JUNIT = "junit.xml";
    public static final String MARKDOWN = "summary.md";

    private ReportWriter() {
    }

    /** Renders and writes the four outputs into {@code dir} (created if missing); returns the paths written. */
    public static List<Path> writeAll(RunRecord record, Path dir) throws IOException {
        String json = RunRecordJson.toJson(record);
        String html = HtmlReportRenderer.render(record);
        String junit = JUnitXmlRenderer.render(record);
        String md = MarkdownSummaryRenderer.render(record);
        Files.createDirectories(dir);
        List<Path> paths = List.of(dir.resolve(JSON), dir.resolve(HTML), dir.resolve(JUNIT), dir.resolve(MARKDOWN));
        AtomicWrite.writeString(paths.get(0), json);
        AtomicWrite.writeString(paths.get(1), html);
        AtomicWrite.writeString(paths.get(2), junit);
        AtomicWrite.writeString(paths.get(3), md);
        return paths;
    }
}
