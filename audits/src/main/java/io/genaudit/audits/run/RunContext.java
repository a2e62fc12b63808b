package io.genaudit.audits.run;

import io.genaudit.audits.ResolvedAuditContext;
import io.genaudit.engine.InputException;
import io.genaudit.engine.Progress;
import io.genaudit.engine.io.Sha256;
import io.genaudit.engine.lm.LanguageModel;
import io.genaudit.reports.FileDigest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The harness's {@link io.genaudit.audits.AuditContext}: models and datasets of one run, its phases, progress and file digests. */
public final class RunContext extends ResolvedAuditContext {
    private final String planFile;
    private final Progress.Factory progress;
    private final PhaseRecorder phases;
    private final Map<String, FileDigest> files = new LinkedHashMap<>();

    public RunContext(String planFile, long seed, Path outputDir, Path cacheDir, Progress.Factory progress, PhaseRecorder phases) {
        super(seed, outputDir, cacheDir);
        this.planFile = planFile;
        this.progress = progress;
        this.phases = phases;
    }

    synchronized List<FileDigest> files() {
        return new ArrayList<>(files.values());
    }

    /** A missing or mistyped model or dataset is an error in the plan. */
    @Override
    protected <T> T lookupFailed(String message) {
        throw new InputException(planFile, message);
    }

    @Override
    public LanguageModel languageModel(String id) {
        return io.genaudit.audits.models.ContractCheckedLanguageModel.wrap(id, super.languageModel(id));
    }

    @Override
    public Phase phase(String name, String kind, String model) {
        return phases.start(name, kind, model);
    }

    @Override
    public Progress.Factory progress() {
        return progress;
    }

    @Override
    public synchronized String recordFile(String role, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        FileDigest known = files.get(abs.toString());
        if (known != null) return known.sha256();
        if (!Files.exists(abs)) throw new InputException(file, "file not found");
        try {
            String sha = Sha256.of(abs);
            long bytes = Files.isDirectory(abs) ? folderSize(abs) : Files.size(abs);
            files.put(abs.toString(), new FileDigest(role, abs.toString(), bytes, sha));
            return sha;
        } catch (IOException e) {
            throw new InputException(file, "cannot be read: " + e.getMessage());
        }
    }

    private static long folderSize(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }
}
