package io.genaudit.audits.models;

import io.genaudit.engine.train.TrainingDivergedException;
import io.genaudit.engine.train.TrainingSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Trains a built-in model and, when the run diverges ({@link TrainingDivergedException}), deletes the partial model
 * folder and trains again with the next seed, up to {@link #ATTEMPTS} times. The seeds that diverged are returned so
 * the model's info reports them, never hiding a retry.
 */
final class TrainingWithRetry {
    /** How many seeds to try before giving up. */
    static final int ATTEMPTS = 5;
    /** The seed of attempt k is the planned seed + k times this. */
    static final long SEED_STRIDE = 1_000_003L;

    private TrainingWithRetry() {
    }

    /** One training attempt; {@code resume} is true only for the first (a later one starts from an empty folder). */
    @FunctionalInterface
    interface Attempt {
        void train(TrainingSettings settings, boolean resume) throws IOException;
    }

    /** The seeds that diverged before the run that succeeded (empty when the first did). */
    static List<Long> train(Path modelDir, TrainingSettings planned, Attempt attempt) throws IOException {
        List<Long> diverged = new ArrayList<>();
        for (int k = 0; ; k++) {
            TrainingSettings s = planned.withSeed(planned.seed() + k * SEED_STRIDE);
            try {
                attempt.train(s, k == 0);
                return diverged;
            } catch (TrainingDivergedException e) {
                if (k + 1 >= ATTEMPTS) throw e;
                diverged.add(s.seed());
                deleteTree(modelDir);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> w = Files.walk(dir)) {
            for (Path p : w.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
