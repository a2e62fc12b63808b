package io.genaudit.engine.image.nn;

import io.genaudit.engine.Progress;

import java.nio.file.Path;

/**
 * How to run a training: the output model folder, the seed, the number of epochs, whether to resume from the
 * latest checkpoint in the folder, and where to report progress.
 */
public record TrainingSettings(Path outDir, long seed, int epochs, boolean resume, Progress.Factory progress) {
    public TrainingSettings {
        if (epochs < 1) throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        if (progress == null) progress = Progress.SILENT;
    }
}
