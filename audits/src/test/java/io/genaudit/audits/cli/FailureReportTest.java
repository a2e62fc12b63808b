package io.genaudit.audits.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The exit-code contract for failures that reach the command line without being wrapped as input errors. */
class FailureReportTest {
    @Test
    void unreadableJsonIsAnInputErrorWithItsLine(@TempDir Path dir) throws Exception {
        // Jackson no longer keeps the source in its locations, so readers name their files themselves (ModelFolder,
        // TransformerLanguageModel, ...); this fallback still makes a parse error exit 2 with its line
        Path f = Files.writeString(dir.resolve("model.json"), "{\"architecture\":\n \"dc");
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> new ObjectMapper().readTree(f.toFile()));
        FailureReport r = FailureReport.of(new RuntimeException("wrapped", e));
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.message().contains("not valid JSON") && r.message().contains("line 2"), r.message());
    }

    @Test
    void outOfMemoryIsExitThreeWithAdvice() {
        FailureReport r = FailureReport.of(new OutOfMemoryError("Java heap space"));
        assertEquals(ExitCodes.INTERNAL, r.code());
        assertTrue(r.message().contains("-Xmx") && r.message().contains("--resize") && r.message().contains("batch"), r.message());
    }

    @Test
    void wrongNativeGradientsAreExitThreeWithTheirOwnLineNotABugReport() {
        FailureReport r = FailureReport.of(new RuntimeException("wrapped",
                new io.genaudit.engine.EnvironmentException("this CPU's oneDNN kernels compute wrong convolution gradients: set ONEDNN_MAX_CPU_ISA=SSE41")));
        assertEquals(ExitCodes.INTERNAL, r.code());
        assertTrue(r.message().startsWith("error: this CPU's oneDNN") && !r.message().contains("bug"), r.message());
    }

    @Test
    void fileSystemProblemsAreInputErrorsAndBugsPrintNoTraceUnlessDebug() {
        assertEquals(ExitCodes.BAD_INPUT, FailureReport.of(new AccessDeniedException("/x/y")).code());
        FailureReport bug = FailureReport.of(new IllegalStateException("boom"));
        assertEquals(ExitCodes.INTERNAL, bug.code());
        StringWriter quiet = new StringWriter(), loud = new StringWriter();
        bug.print(new PrintWriter(quiet), false);
        bug.print(new PrintWriter(loud), true);
        assertFalse(quiet.toString().contains("\tat "), quiet.toString());
        assertTrue(loud.toString().contains("\tat "), loud.toString());
        assertEquals(1, quiet.toString().strip().lines().count(), "one line");
    }
}
