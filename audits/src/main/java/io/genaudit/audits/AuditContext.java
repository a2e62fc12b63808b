package io.genaudit.audits;

import io.genaudit.engine.Progress;
import io.genaudit.engine.image.ImageFeatureExtractor;
import io.genaudit.engine.image.ImageGenerator;
import io.genaudit.engine.lm.LanguageModel;

import java.nio.file.Path;
import java.util.function.ObjLongConsumer;

/**
 * What an audit module gets from the harness: the run's seed, models and datasets by plan id, phases that record
 * wall time, CPU time and energy, progress bars, and a place to record every file read for provenance.
 */
public interface AuditContext {
    long seed();

    /** The run's output directory (report.html, run.json, ... go here; modules may add files). */
    Path outputDir();

    /** A cache for fixtures and trained models, shared across runs. */
    Path cacheDir();

    LoadedModel model(String id);

    /** The model {@code id} as a language model, or an InputException naming the plan field when it is another kind. */
    LanguageModel languageModel(String id);

    ImageGenerator imageGenerator(String id);

    ImageFeatureExtractor featureExtractor(String id);

    DatasetRef dataset(String id);

    /**
     * Starts a phase; close it when done. {@code kind} is {@code train}, {@code sample} or {@code evaluate}.
     * Wall time, process CPU time and energy are recorded in the run's provenance.
     */
    Phase phase(String name, String kind, String model);

    Progress.Factory progress();

    /** Records a file read (role {@code model} or {@code data}) with its SHA-256 in the provenance. */
    String recordFile(String role, Path file);

    /** A running phase. */
    interface Phase extends AutoCloseable {
        /** Adds produced units ({@code images}, {@code tokens}) for per-1000-unit energy figures. */
        void units(String unit, long count);

        @Override
        void close();

        /** A phase that only reports its units to {@code units} (nothing to close), e.g. for contexts without energy meters. */
        static Phase reportingTo(ObjLongConsumer<String> units) {
            return new Phase() {
                @Override
                public void units(String unit, long count) {
                    units.accept(unit, count);
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
