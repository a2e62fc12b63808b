package io.genaudit.spark;

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

/**
 * The little of an {@link AuditContext} a model provider needs to load one model outside a plan run: on the driver
 * (a cache folder for models trained from the plan, e.g. {@code shapes-features}) and on executors (the model's
 * private folder). Files are hashed when recorded; phases and progress are silent; nothing else is available.
 */
final class ModelLoadingContext implements AuditContext {
    private final Path cacheDir;
    private final long seed;

    ModelLoadingContext(Path cacheDir, long seed) {
        this.cacheDir = cacheDir;
        this.seed = seed;
    }


    @Override
    public long seed() {
        return seed;
    }

    @Override
    public Path outputDir() {
        return cacheDir;
    }

    @Override
    public Path cacheDir() {
        return cacheDir;
    }

    @Override
    public LoadedModel model(String id) {
        throw unavailable("model " + id);
    }

    @Override
    public LanguageModel languageModel(String id) {
        throw unavailable("model " + id);
    }

    @Override
    public ImageGenerator imageGenerator(String id) {
        throw unavailable("model " + id);
    }

    @Override
    public ImageFeatureExtractor featureExtractor(String id) {
        throw unavailable("model " + id);
    }

    @Override
    public DatasetRef dataset(String id) {
        throw unavailable("dataset " + id);
    }

    @Override
    public Phase phase(String name, String kind, String model) {
        return Phase.reportingTo((unit, count) -> {
        });
    }

    @Override
    public Progress.Factory progress() {
        return Progress.SILENT;
    }

    @Override
    public String recordFile(String role, Path file) {
        try {
            return Sha256.of(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hash " + file, e);
        }
    }

    private static UnsupportedOperationException unavailable(String what) {
        return new UnsupportedOperationException(what + ": a model loaded on its own cannot reach other plan entries");
    }
}
