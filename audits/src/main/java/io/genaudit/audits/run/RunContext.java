package io.genaudit.audits.run;

import io.genaudit.audits.AuditContext;
import io.genaudit.audits.DatasetRef;
import io.genaudit.audits.LoadedModel;
import io.genaudit.engine.InputException;
import io.genaudit.engine.Progress;
import io.genaudit.engine.image.ImageFeatureExtractor;
import io.genaudit.engine.image.ImageGenerator;
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

/** The harness's {@link AuditContext}: models and datasets of one run, its phases, progress and file digests. */
public final class RunContext implements AuditContext {
    private final String planFile;
    private final long seed;
    private final Path outputDir;
    private final Path cacheDir;
    private final Progress.Factory progress;
    private final PhaseRecorder phases;
    private final Map<String, LoadedModel> models = new LinkedHashMap<>();
    private final Map<String, DatasetRef> datasets = new LinkedHashMap<>();
    private final Map<String, FileDigest> files = new LinkedHashMap<>();

    public RunContext(String planFile, long seed, Path outputDir, Path cacheDir, Progress.Factory progress, PhaseRecorder phases) {
        this.planFile = planFile;
        this.seed = seed;
        this.outputDir = outputDir;
        this.cacheDir = cacheDir;
        this.progress = progress;
        this.phases = phases;
    }

    void addModel(LoadedModel m) {
        models.put(m.id(), m);
    }

    void addDataset(DatasetRef d) {
        datasets.put(d.id(), d);
    }

    Map<String, LoadedModel> models() {
        return models;
    }

    Map<String, DatasetRef> datasets() {
        return datasets;
    }

    synchronized List<FileDigest> files() {
        return new ArrayList<>(files.values());
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public Path outputDir() {
        return outputDir;
    }

    @Override
    public Path cacheDir() {
        return cacheDir;
    }

    @Override
    public LoadedModel model(String id) {
        LoadedModel m = models.get(id);
        if (m == null) throw new InputException(planFile, "no model with id '" + id + "'; known: " + models.keySet());
        return m;
    }

    private <T> T handle(String id, Class<T> type, String what) {
        LoadedModel m = model(id);
        if (!type.isInstance(m.handle())) {
            throw new InputException(planFile, "model '" + id + "' is of type " + m.type() + ", but this audit needs " + what);
        }
        return type.cast(m.handle());
    }

    @Override
    public LanguageModel languageModel(String id) {
        return io.genaudit.audits.models.ContractCheckedLanguageModel.wrap(id, handle(id, LanguageModel.class, "a language model"));
    }

    @Override
    public ImageGenerator imageGenerator(String id) {
        return handle(id, ImageGenerator.class, "an image generator");
    }

    @Override
    public ImageFeatureExtractor featureExtractor(String id) {
        return handle(id, ImageFeatureExtractor.class, "an image feature extractor");
    }

    @Override
    public DatasetRef dataset(String id) {
        DatasetRef d = datasets.get(id);
        if (d == null) throw new InputException(planFile, "no dataset with id '" + id + "'; known: " + datasets.keySet());
        return d;
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
