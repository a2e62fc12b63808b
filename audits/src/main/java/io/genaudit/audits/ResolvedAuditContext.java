package io.genaudit.audits;

import io.genaudit.engine.image.ImageFeatureExtractor;
import io.genaudit.engine.image.ImageGenerator;
import io.genaudit.engine.lm.LanguageModel;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The part of an {@link AuditContext} that serves a run's seed, folders, and its models and datasets by plan id, with
 * one wording for an unknown id or a model of the wrong kind. The harness's context and the tests' fake share it;
 * they differ in how such a lookup fails ({@link #lookupFailed}), in phases and in file records.
 */
public abstract class ResolvedAuditContext implements AuditContext {
    private final Map<String, LoadedModel> models = new LinkedHashMap<>();
    private final Map<String, DatasetRef> datasets = new LinkedHashMap<>();
    private final Path outputDir;
    /** The cache folder (a subclass may set it while the context is being built). */
    protected Path cacheDir;
    /** The run's seed (a subclass may set it while the context is being built). */
    protected long seed;

    protected ResolvedAuditContext(long seed, Path outputDir, Path cacheDir) {
        this.seed = seed;
        this.outputDir = outputDir;
        this.cacheDir = cacheDir;
    }

    /** Throws the context's error for a failed lookup ({@code message} says what is missing or wrong); never returns. */
    protected abstract <T> T lookupFailed(String message);

    /** Adds or replaces a model, by its id. */
    public void addModel(LoadedModel m) {
        models.put(m.id(), m);
    }

    /** Adds or replaces a dataset, by its id. */
    public void addDataset(DatasetRef d) {
        datasets.put(d.id(), d);
    }

    /** The models by id, in the order they were added (read-only). */
    public Map<String, LoadedModel> models() {
        return Collections.unmodifiableMap(models);
    }

    /** The datasets by id, in the order they were added (read-only). */
    public Map<String, DatasetRef> datasets() {
        return Collections.unmodifiableMap(datasets);
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
        return m != null ? m : lookupFailed("no model with id '" + id + "'; known: " + models.keySet());
    }

    /** The handle of model {@code id} as {@code type}; {@code what} names the kind an audit needs, for the error. */
    protected <T> T handle(String id, Class<T> type, String what) {
        LoadedModel m = model(id);
        if (!type.isInstance(m.handle())) {
            return lookupFailed("model '" + id + "' is of type " + m.type() + ", but this audit needs " + what);
        }
        return type.cast(m.handle());
    }

    @Override
    public LanguageModel languageModel(String id) {
        return handle(id, LanguageModel.class, "a language model");
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
        return d != null ? d : lookupFailed("no dataset with id '" + id + "'; known: " + datasets.keySet());
    }
}
