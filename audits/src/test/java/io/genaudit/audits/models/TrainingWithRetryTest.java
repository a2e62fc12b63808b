package io.genaudit.audits.models;

import io.genaudit.engine.train.TrainingDivergedException;
import io.genaudit.engine.train.TrainingSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class TrainingWithRetryTest {
    private static final TrainingSettings PLANNED = TrainingSettings.of(10, 2, 32, 1e-3);

    @Test
    void divergedSeedsAreRetriedFromAnEmptyFolderAndReported(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("m");
        List<String> attempts = new ArrayList<>();
        List<Long> diverged = TrainingWithRetry.train(model, PLANNED, (s, resume) -> {
            attempts.add(s.seed() + (resume ? " resume" : " fresh") + (Files.exists(model) ? " dirty" : " clean"));
            Files.createDirectories(model);
            Files.writeString(model.resolve("partial"), "x");
            if (attempts.size() < 3) throw new TrainingDivergedException("vae", s.seed(), 1, 2, "loss NaN");
            assertEquals(PLANNED.withSeed(s.seed()), s, "only the seed changes between attempts");
        });
        long k = TrainingWithRetry.SEED_STRIDE;
        assertEquals(List.of(10L, 10 + k), diverged);
        assertEquals(List.of("10 resume clean", (10 + k) + " fresh clean", (10 + 2 * k) + " fresh clean"), attempts);
    }

    @Test
    void givesUpAfterTheLastAttemptAndNeverRetriesOtherFailures(@TempDir Path dir) {
        int[] calls = {0};
        TrainingDivergedException last = assertThrows(TrainingDivergedException.class, () -> TrainingWithRetry.train(dir, PLANNED, (s, resume) -> {
            calls[0]++;
            throw new TrainingDivergedException("dcgan", s.seed(), 1, 1, "lossD NaN");
        }));
        assertEquals(TrainingWithRetry.ATTEMPTS, calls[0]);
        assertEquals(10 + (TrainingWithRetry.ATTEMPTS - 1) * TrainingWithRetry.SEED_STRIDE, last.seed());

        calls[0] = 0;
        assertThrows(IllegalStateException.class, () -> TrainingWithRetry.train(dir, PLANNED, (s, resume) -> {
            calls[0]++;
            throw new IllegalStateException("diverged, says the message, but the type is not a divergence");
        }));
        assertEquals(1, calls[0], "only a typed divergence is retried");
    }
}
