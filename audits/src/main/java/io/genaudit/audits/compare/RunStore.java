package io.genaudit.audits.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.genaudit.engine.InputException;
import io.genaudit.engine.io.AtomicFiles;
import io.genaudit.reports.AuditResult;
import io.genaudit.reports.RunRecord;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A directory of run records with an index ({@code runs/*.json} and {@code index.jsonl}, one line per audit result),
 * so history queries and trend charts read one small file instead of every record. The index is append-only:
 * each run's lines are appended under an exclusive lock ({@code index.lock}, a {@link FileChannel} lock across
 * processes plus an in-process lock across threads) and forced to disk; a torn last line (a crash mid-append) is
 * skipped with a warning when read and never glued to the next run's lines.
 */
public final class RunStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** In-process locks per index file: FileChannel locks are held per JVM, not per thread. */
    private static final Map<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();
    private final Path dir;
    private final PrintStream warnings;
    private final java.util.Set<Integer> warned = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public RunStore(Path dir) {
        this(dir, System.err);
    }

    /** A store whose read warnings (skipped lines) go to {@code warnings}. */
    public RunStore(Path dir, PrintStream warnings) {
        this.dir = dir;
        this.warnings = warnings;
    }

    public Path dir() {
        return dir;
    }

    /** Copies {@code runJson} (the record just written) into the store and appends its results to the index. */
    public Path add(RunRecord rec, Path runJson) throws IOException {
        return add(rec, Files.readAllBytes(runJson));
    }

    /**
     * Keeps {@code runJson} (the bytes of the run.json just written, wherever it went: a local folder or a Hadoop file
     * system) in the store and appends its results to the index.
     */
    public Path add(RunRecord rec, byte[] runJson) throws IOException {
        Files.createDirectories(dir.resolve("runs"));
        String stamp = rec.provenance().startedAt().replaceAll("[^0-9TZ]", "");
        String base = stamp + "-" + rec.planName().replaceAll("[^A-Za-z0-9_.-]", "_") + "-"
                + rec.provenance().planSha256().substring(0, 8);
        StringBuilder lines = new StringBuilder();
        Path index = dir.resolve("index.jsonl");
        ReentrantLock local = LOCKS.computeIfAbsent(index.toAbsolutePath().normalize(), k -> new ReentrantLock());
        local.lock();
        try (FileChannel lockFile = FileChannel.open(dir.resolve("index.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = lockFile.lock()) {
            Path target = dir.resolve("runs").resolve(base + ".json");
            for (int i = 2; Files.exists(target); i++) target = dir.resolve("runs").resolve(base + "-" + i + ".json");
            String name = target.getFileName().toString();
            AtomicFiles.writeBytes(target, runJson);
            for (AuditResult r : rec.audits()) {
                Object msha = rec.provenance().models() == null || rec.provenance().models().get(r.model()) == null ? null
                        : rec.provenance().models().get(r.model()).get("sha256");
                HistoryEntry e = new HistoryEntry("runs/" + name, rec.provenance().startedAt(), rec.planName(),
                        rec.provenance().planSha256(), r.id(), r.metric(), r.model(), msha == null ? null : msha.toString(), r.value(),
                        r.ci() == null ? null : r.ci().low(), r.ci() == null ? null : r.ci().high(), r.n(), rec.verdict());
                lines.append(JSON.writeValueAsString(e)).append('\n');
            }
            append(index, lines.toString());
            return target;
        } finally {
            local.unlock();
        }
    }

    /** Appends {@code text} and forces it to disk; starts on a fresh line when the file ends in a torn line. */
    private static void append(Path index, String text) throws IOException {
        try (FileChannel ch = FileChannel.open(index, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
            long size = ch.size();
            String out = text;
            if (size > 0) {
                ByteBuffer last = ByteBuffer.allocate(1);
                ch.read(last, size - 1);
                if (last.get(0) != '\n') out = "\n" + text;
            }
            ByteBuffer buf = ByteBuffer.wrap(out.getBytes(StandardCharsets.UTF_8));
            long pos = size;
            while (buf.hasRemaining()) pos += ch.write(buf, pos);
            ch.force(true);
        }
    }

    /** Stored results of {@code metric} (optionally of one model id), oldest first; an unreadable line is skipped with a warning. */
    public List<HistoryEntry> history(String metric, String model) {
        Path index = dir.resolve("index.jsonl");
        if (!Files.exists(index)) return List.of();
        List<HistoryEntry> out = new ArrayList<>();
        try {
            List<String> all = Files.readAllLines(index, StandardCharsets.UTF_8);
            for (int i = 0; i < all.size(); i++) {
                String line = all.get(i);
                if (line.isBlank()) continue;
                HistoryEntry e;
                try {
                    e = JSON.readValue(line, HistoryEntry.class);
                } catch (IOException ex) {
                    if (warned.add(i)) warnings.println("genaudit: warning: " + index + " line " + (i + 1) + " is not a history entry"
                            + (i == all.size() - 1 ? " (a torn last line: an interrupted write)" : "") + "; skipped");
                    continue;
                }
                if (metric.equals(e.metric()) && (model == null || model.equals(e.model()))) out.add(e);
            }
        } catch (IOException e) {
            throw new InputException(index, "cannot be read: " + e.getMessage());
        }
        out.sort(Comparator.comparing(HistoryEntry::startedAt));
        return out;
    }
}
