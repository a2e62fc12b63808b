package io.genaudit.audits.models;

import io.genaudit.audits.AuditContext;
import io.genaudit.audits.DatasetRef;
import io.genaudit.audits.LoadedModel;
import io.genaudit.engine.Progress;
import io.genaudit.engine.image.ImageFeatureExtractor;
import io.genaudit.engine.image.ImageGenerator;
import io.genaudit.engine.io.Sha256;
import io.genaudit.engine.lm.LanguageModel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link AuditContext} model-provider tests hand to a provider: it records the phases opened and the files
 * hashed. A provider must not ask it for other models or datasets; doing so fails the test, naming the call.
 */
class ProviderTestContext implements AuditContext {
    final Path cache;
    final long seed;
    final List<String> phases = new ArrayList<>();
    final Map<String, String> files = new LinkedHashMap<>();

    ProviderTestContext(Path cache, long seed) {
        this.cache = cache;
        this.seed = seed;
    }

    private static AssertionError notForProviders(String call) {
        return new AssertionError("a model provider called " + call + ", which providers must not use");
    }

    public long seed() { return seed; }
    public Path outputDir() { return cache; }
    public Path cacheDir() { return cache; }
    public LoadedModel model(String id) { throw notForProviders("model(" + id + ")"); }
    public LanguageModel languageModel(String id) { throw notForProviders("languageModel(" + id + ")"); }
    public ImageGenerator imageGenerator(String id) { throw notForProviders("imageGenerator(" + id + ")"); }
    public ImageFeatureExtractor featureExtractor(String id) { throw notForProviders("featureExtractor(" + id + ")"); }
    public DatasetRef dataset(String id) { throw notForProviders("dataset(" + id + ")"); }

    public Phase phase(String name, String kind, String model) {
        phases.add(name + "/" + kind + "/" + model);
        return new Phase() {
            public void units(String unit, long count) { }
            public void close() { }
        };
    }

    public Progress.Factory progress() { return Progress.SILENT; }

    public String recordFile(String role, Path file) {
        try {
            String sha = Sha256.of(file);
            files.put(file.toString(), role);
            return sha;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
