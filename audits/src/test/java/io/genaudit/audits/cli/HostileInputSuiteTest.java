package io.genaudit.audits.cli;

import io.genaudit.engine.io.Sha256;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hostile-input suite ({@link HostileCases}): each case runs the CLI in-process and must end with its exit code,
 * a one-line message holding the expected fragment and no stack trace, and leave its folder exactly as it was:
 * nothing written, nothing half-written, no temporary folder left behind.
 */
@Tag("integration")
class HostileInputSuiteTest {
    @TempDir
    static Path root;

    @TestFactory
    Stream<DynamicTest> everyHostileInputFailsCleanly() throws Exception {
        Path cache = Files.createDirectories(root.resolve("cache"));
        List<HostileCase> cases = new HostileCases(cache).all();
        assertTrue(cases.size() >= 60, "at least 60 cases, found " + cases.size());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> check(c)));
    }

    private static void check(HostileCase c) throws Exception {
        Path dir = Files.createDirectories(root.resolve("case-" + Integer.toHexString(c.toString().hashCode())));
        String[] args = c.setup().args(dir);
        Map<String, String> before = snapshot(dir);
        long t0 = System.nanoTime();
        CliRun r = CliRun.execute(false, args);
        double seconds = (System.nanoTime() - t0) / 1e9;
        String err = r.err();
        assertEquals(c.code(), r.code(), c + " -> " + err);
        assertTrue(err.contains(c.fragment()), c + ": expected '" + c.fragment() + "' in: " + err);
        assertFalse(err.contains("\tat "), c + ": no stack trace without --debug: " + err);
        assertEquals(before, snapshot(dir), c + ": the folder must be left as it was (no output, no half-written file)");
        assertTrue(seconds < 60, c + " took " + seconds + " s");
    }

    /** Every file and folder under {@code dir} with its content hash, so any write or leftover shows. */
    static Map<String, String> snapshot(Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                String rel = dir.relativize(p).toString();
                out.put(rel, Files.isDirectory(p) ? "dir" : Sha256.of(p));
            }
        }
        return out;
    }

    @Test
    void debugPrintsTheStackTrace() throws Exception {
        Path dir = Files.createDirectories(root.resolve("debug"));
        String[] args = new HostileCases(root.resolve("cache")).all().stream()
                .filter(c -> c.name().startsWith("a bug inside an audit")).findFirst().orElseThrow().setup().args(dir);
        String[] withDebug = Stream.concat(Stream.of("--debug"), Stream.of(args)).toArray(String[]::new);
        CliRun r = CliRun.execute(false, withDebug);
        assertEquals(ExitCodes.INTERNAL, r.code());
        assertTrue(r.err().contains("\tat ") && r.err().contains("injected bug"), r.err());
    }
}
