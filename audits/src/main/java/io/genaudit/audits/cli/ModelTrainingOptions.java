package io.genaudit.audits.cli;

import io.genaudit.engine.train.TrainingRun;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * The options every {@code train} command for a built-in generative model shares (a picocli mixin): the model folder
 * written, the size preset, the seed and resuming from the folder's last checkpoint.
 */
public class ModelTrainingOptions {
    @Option(names = "--out", required = true, paramLabel = "MODEL_DIR", description = "Model folder to write.")
    Path out;

    @Option(names = "--size", paramLabel = "tiny|small", defaultValue = "small", description = "Model size (default: ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Seed for weights, batch order and (generators) noise (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--resume", description = "Continue from the last checkpoint in MODEL_DIR (same settings and data).")
    boolean resume;

    /** Where the training writes (the model folder), whether it resumes, and console progress. */
    TrainingRun run() {
        return new TrainingRun(out, resume, ConsoleProgress.factory());
    }
}
