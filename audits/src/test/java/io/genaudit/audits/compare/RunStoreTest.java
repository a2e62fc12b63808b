package io.genaudit.audits.compare;

import io.genaudit.reports.AuditResult;
import io.genaudit.values.Interval;
import io.genaudit.reports.Provenance;
import io.genaudit.reports.RunRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The run store under concurrency and crashes: no lost index entry, a torn last line skipped with a warning. */
class RunStoreTest {
    @TempDir
    Path dir;

    static RunRecord record(String plan, int i) {
        AuditResult r = new AuditResult("score", "echo", "m", null, (double) i, null, new Interval(0.95, i - 1, i + 1, "fixed"),
                10L, Map.of(), null, Map.of(), null, null, null, null);
        Provenance prov = new Provenance("test", "plan.yaml", "0123456789abcdef".repeat(4), 1, List.of(), Map.of(), "jvm", "os",
                "cpu", 1, "engine", "1", "2026-01-01T00:00:00Z", 0, List.of(), Map.of());
        return new RunRecord(RunRecord.SCHEMA_VERSION, plan, plan, "PASS", List.of(), List.of(r), prov);
    }

    @Test
    void fourWritersAtOnceLoseNothing() throws Exception {
        Path store = dir.resolve("store");
        Path json = Files.writeString(dir.resolve("run.json"), "{}");
        int writers = 4, each = 10;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> fs = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int id = w;
            // one RunStore per writer, as separate audit processes would have
            fs.add(pool.submit(() -> {
                RunStore s = new RunStore(store);
                for (int i = 0; i < each; i++) s.add(record("plan" + id, id * 100 + i), json);
                return null;
            }));
        }
        for (Future<?> f : fs) f.get();
        pool.shutdown();
        List<HistoryEntry> h = new RunStore(store).history("echo", null);
        assertEquals(writers * each, h.size(), "every appended entry is in the index");
        assertEquals(writers * each, h.stream().map(HistoryEntry::runFile).distinct().count(), "each run kept under its own name");
        try (var runs = Files.list(store.resolve("runs"))) {
            assertEquals(writers * each, runs.count());
        }
    }

    @Test
    void tornLastLineIsSkippedWithAWarningAndNotGluedToTheNextRun() throws Exception {
        Path store = dir.resolve("store");
        Path json = Files.writeString(dir.resolve("run.json"), "{}");
        new RunStore(store).add(record("p", 1), json);
        Files.writeString(store.resolve("index.jsonl"), "{\"run\":\"runs/x.json\",\"startedAt\":\"2026", StandardOpenOption.APPEND);
        ByteArrayOutputStream warn = new ByteArrayOutputStream();
        RunStore s = new RunStore(store, new PrintStream(warn, true, StandardCharsets.UTF_8));
        assertEquals(1, s.history("echo", null).size());
        assertTrue(warn.toString(StandardCharsets.UTF_8).contains("torn last line"), warn.toString(StandardCharsets.UTF_8));
        s.add(record("p", 2), json);
        assertEquals(2, s.history("echo", null).size(), "the run appended after the torn line is kept");
    }
}
