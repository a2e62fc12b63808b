package io.genaudit.audits.modules;

import io.genaudit.audits.AuditContext;
import io.genaudit.audits.DatasetRef;
import io.genaudit.audits.LoadedModel;
import io.genaudit.engine.InputException;
import io.genaudit.engine.Progress;
import io.genaudit.engine.image.ImageFeatureExtractor;
import io.genaudit.engine.image.ImageGenerator;
import io.genaudit.engine.lm.LanguageModel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A minimal {@link AuditContext} for the language-model audit tests: given models and datasets, phases recorded in a list. */
final class LmAuditTestContext implements AuditContext {
    final Map<String, LanguageModel> models = new HashMap<>();
    final Map<String, Path> datasets = new HashMap<>();
    final List<String> phases = new ArrayList<>();
    private final Path dir;

    LmAuditTestContext(Path dir) {
        this.dir = dir;
    }

    @Override
    public long seed() {
        return 11;
    }

    @Override
    public Path outputDir() {
        return dir;
    }

    @Override
    public Path cacheDir() {
        return dir;
    }

    @Override
    public LoadedModel model(String id) {
        LanguageModel m = languageModel(id);
        return new LoadedModel(id, "test", m, "0".repeat(64), m.describe(), Map.of(), List.of(), List.of());
    }

    @Override
    public LanguageModel languageModel(String id) {
        LanguageModel m = models.get(id);
        if (m == null) throw new InputException("plan", "no model " + id);
        return m;
    }

    @Override
    public ImageGenerator imageGenerator(String id) {
        throw new InputException("plan", "not an image generator: " + id);
    }

    @Override
    public ImageFeatureExtractor featureExtractor(String id) {
        throw new InputException("plan", "not a feature extractor: " + id);
    }

    @Override
    public DatasetRef dataset(String id) {
        Path p = datasets.get(id);
        if (p == null) throw new InputException("plan", "no dataset " + id);
        return new DatasetRef(id, p, id, "0".repeat(64));
    }

    @Override
    public Phase phase(String name, String kind, String model) {
        return new Phase() {
            @Override
            public void units(String unit, long count) {
                phases.add(kind + ":" + unit + "=" + count);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public Progress.Factory progress() {
        return Progress.SILENT;
    }

    @Override
    public String recordFile(String role, Path file) {
        return "0".repeat(64);
    }
}
