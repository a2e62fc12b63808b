package io.genaudit.engine.train;

import io.genaudit.engine.Progress;

import java.nio.file.Path;

/**
 * Where and how a training runs, apart from its hyper-parameters: the model folder it writes (model.json, weights,
 * checkpoints), whether to continue from the latest checkpoint there, and where progress goes.
 */
public record TrainingRun(Path modelDir, boolean resume, Progress.Factory progress) {
    public TrainingRun {
        if (modelDir == null) throw new IllegalArgumentException("a model folder is required");
        if (progress == null) progress = Progress.SILENT;
    }
}
