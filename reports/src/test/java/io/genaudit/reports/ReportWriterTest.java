package io.genaudit.reports;

import io.genaudit.reports.output.ReportWriter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("integration")
class ReportWriterTest {
    @TempDir
    Path dir;

    @Test
    void writesTheFiveOutputsAndNothingElse() throws Exception {
        Path out = dir.resolve("run-1");
        List<Path> written = ReportWriter.writeAll(SampleRunRecords.rich(), out);
        assertEquals(5, written.size());
        try (var files = Files.list(out)) {
            assertEquals(List.of("junit.xml", "report.html", "report.pdf", "run.json", "summary.md"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals("FAIL", RunRecordJson.read(out.resolve("run.json")).verdict());
        assertTrue(Files.readString(out.resolve("report.html")).startsWith("<!DOCTYPE html>"));
        assertTrue(Files.readString(out.resolve("junit.xml")).contains("<testsuite"));
        assertTrue(Files.readString(out.resolve("summary.md")).contains("Verdict"));
        if (Files.getFileStore(out).supportsFileAttributeView("posix")) {
            assertTrue(Files.getPosixFilePermissions(out.resolve("report.html"))
                    .contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ), "reports are world-readable like other outputs");
        }
        ReportWriter.writeAll(SampleRunRecords.rich(), out);
        try (var files = Files.list(out)) {
            assertEquals(5, files.count(), "rewriting replaces files and leaves no temporaries");
        }
    }
}
