package io.genaudit.audits;

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
 * The one fake {@link AuditContext} of the audit tests: models and datasets given by id, phases and their units
 * recorded as text, files read recorded with their role. Asking for a model or dataset the test did not give (or a
 * model as the wrong kind) fails the test with an AssertionError naming the id, so a model provider test that
 * gives none also checks that the provider asks for none.
 *
 * <pre>{@code
 * TestAuditContext ctx = TestAuditContext.in(dir).seed(5).model("lm", new MyLm()).dataset("heldout", path);
 * }</pre>
 */
public final class TestAuditContext extends ResolvedAuditContext {
    private static final String ZERO_SHA = "0".repeat(64);

    private boolean hashFiles;
    private final List<String> phases = new ArrayList<>();
    private final List<String> units = new ArrayList<>();
    private final Map<String, String> files = new LinkedHashMap<>();

    private TestAuditContext(Path dir) {
        super(0, dir, dir);
    }

    /** A context writing into {@code dir} (output and cache), seed 0, no models, no datasets. */
    public static TestAuditContext in(Path dir) {
        return new TestAuditContext(dir);
    }

    /** The run's seed. */
    public TestAuditContext seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** A cache folder other than the output folder. */
    public TestAuditContext cacheDir(Path dir) {
        this.cacheDir = dir;
        return this;
    }

    /** Hashes each recorded file (SHA-256) instead of answering zeros: for tests that check provenance. */
    public TestAuditContext hashingFiles() {
        this.hashFiles = true;
        return this;
    }

    /** Model {@code id} (a LanguageModel, ImageGenerator or ImageFeatureExtractor) of type {@code test}; replaces one given before. */
    public TestAuditContext model(String id, AutoCloseable model) {
        return model(id, "test", model);
    }

    /** Model {@code id} with the plan type its LoadedModel reports (e.g. {@code dcgan}). */
    public TestAuditContext model(String id, String type, AutoCloseable model) {
        addModel(new LoadedModel(id, type, model, ZERO_SHA, describe(id, model), Map.of(), List.of(), List.of()));
        return this;
    }

    /** Dataset {@code id} at {@code path}, described by its id. */
    public TestAuditContext dataset(String id, Path path) {
        return dataset(new DatasetRef(id, path, id, ZERO_SHA));
    }

    /** A dataset as the harness would resolve it. */
    public TestAuditContext dataset(DatasetRef ref) {
        addDataset(ref);
        return this;
    }

    /** Every phase opened, as {@code name/kind/model}, in order. */
    public List<String> phases() {
        return phases;
    }

    /** Every unit count reported by a phase, as {@code kind:unit=count}, in order. */
    public List<String> units() {
        return units;
    }

    /** Every file recorded, path to role ({@code model}, {@code data}), in order. */
    public Map<String, String> files() {
        return files;
    }

    private static String describe(String id, Object model) {
        if (model instanceof LanguageModel lm) return lm.describe();
        if (model instanceof ImageGenerator g) return g.describe();
        if (model instanceof ImageFeatureExtractor f) return f.describe();
        return id;
    }

    /** A model or dataset the test did not give (or gave as another kind) fails the test, whatever the code catches. */
    @Override
    protected <T> T lookupFailed(String message) {
        throw new AssertionError("the test context: " + message);
    }

    @Override
    public Phase phase(String name, String kind, String model) {
        phases.add(name + "/" + kind + "/" + model);
        return Phase.reportingTo((unit, count) -> units.add(kind + ":" + unit + "=" + count));
    }

    @Override
    public Progress.Factory progress() {
        return Progress.SILENT;
    }

    @Override
    public String recordFile(String role, Path file) {
        files.put(file.toString(), role);
        if (!hashFiles) return ZERO_SHA;
        try {
            return Sha256.of(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
