package io.genaudit.audits.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.genaudit.engine.InputException;
import io.genaudit.engine.io.AtomicFiles;
import io.genaudit.reports.AuditResult;
import io.genaudit.reports.RunRecord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A directory of run records with an index ({@code runs/*.json} and {@code index.jsonl}, one line per audit result),
 * so history queries and trend charts read one small file instead of every record.
 */
public final class RunStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;

    public RunStore(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** Copies {@code runJson} (the record just written) into the store and appends its results to the index. */
    public synchronized Path add(RunRecord rec, Path runJson) throws IOException {
        Files.createDirectories(dir.resolve("runs"));
        String stamp = rec.provenance().startedAt().replaceAll("[^0-9TZ]", "");
        String name = stamp + "-" + rec.planName().replaceAll("[^A-Za-z0-9_.-]", "_") + "-"
                + rec.provenance().planSha256().substring(0, 8) + ".json";
        Path target = dir.resolve("runs").resolve(name);
        AtomicFiles.writeBytes(target, Files.readAllBytes(runJson));
        List<String> lines = new ArrayList<>();
        Path index = dir.resolve("index.jsonl");
        if (Files.exists(index)) lines.addAll(Files.readAllLines(index, StandardCharsets.UTF_8));
        for (AuditResult r : rec.audits()) {
            Object msha = rec.provenance().models() == null || rec.provenance().models().get(r.model()) == null ? null
                    : rec.provenance().models().get(r.model()).get("sha256");
            HistoryEntry e = new HistoryEntry("runs/" + name, rec.provenance().startedAt(), rec.planName(),
                    rec.provenance().planSha256(), r.id(), r.metric(), r.model(), msha == null ? null : msha.toString(), r.value(),
                    r.ci() == null ? null : r.ci().low(), r.ci() == null ? null : r.ci().high(), r.n(), rec.verdict());
            lines.add(JSON.writeValueAsString(e));
        }
        AtomicFiles.writeString(index, String.join("\n", lines) + "\n");
        return target;
    }

    /** Stored results of {@code metric} (optionally of one model id), oldest first. */
    public List<HistoryEntry> history(String metric, String model) {
        Path index = dir.resolve("index.jsonl");
        if (!Files.exists(index)) return List.of();
        List<HistoryEntry> out = new ArrayList<>();
        try {
            int lineNo = 0;
            for (String line : Files.readAllLines(index, StandardCharsets.UTF_8)) {
                lineNo++;
                if (line.isBlank()) continue;
                HistoryEntry e;
                try {
                    e = JSON.readValue(line, HistoryEntry.class);
                } catch (IOException ex) {
                    throw new InputException(index, "line " + lineNo + " is not a history entry: " + ex.getMessage());
                }
                if (e.metric().equals(metric) && (model == null || model.equals(e.model()))) out.add(e);
            }
        } catch (IOException e) {
            throw new InputException(index, "cannot be read: " + e.getMessage());
        }
        out.sort(Comparator.comparing(HistoryEntry::startedAt));
        return out;
    }
}
