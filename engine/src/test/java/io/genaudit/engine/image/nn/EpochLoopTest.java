package io.genaudit.engine.image.nn;

import ai.djl.ndarray.NDManager;
import io.genaudit.engine.Progress;
import io.genaudit.engine.image.ShapesTestData;
import io.genaudit.engine.image.gan.DcganConfig;
import io.genaudit.engine.image.gan.DcganTrainer;
import io.genaudit.engine.image.vae.VaeConfig;
import io.genaudit.engine.image.vae.VaeTrainer;
import io.genaudit.engine.train.CheckpointFolder;
import io.genaudit.engine.train.TrainingDivergedException;
import io.genaudit.engine.train.TrainingRun;
import io.genaudit.engine.train.TrainingSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class EpochLoopTest {
    /** A step without networks that records what the loop fed it and returns a planted loss. */
    static final class RecordingStep implements TrainingStep {
        final List<String> calls = new ArrayList<>();
        final int nanAtCall;

        RecordingStep(int nanAtCall) {
            this.nanAtCall = nanAtCall;
        }

        public Layout layout() {
            return new Layout("recording", List.of("loss", "other"), Map.of(), Map.of());
        }

        public double[] step(int[] perm, int from, int to, long stepSeed) {
            calls.add(Arrays.toString(Arrays.copyOfRange(perm, from, to)) + " " + stepSeed);
            return new double[]{calls.size() == nanAtCall ? Double.NaN : calls.size(), 0.5};
        }
    }

    private static LossHistory run(RecordingStep step, int epochs, Path dir, boolean resume) throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            return EpochLoop.train(step, 10, Map.of("k", 1), "data", TrainingSettings.of(4, epochs, 3, 1e-3), new TrainingRun(dir, resume, Progress.SILENT), m);
        }
    }

    @Test
    void seededBatchesResumeExactlyAndHistoryContinues(@TempDir Path tmp) throws Exception {
        RecordingStep whole = new RecordingStep(-1);
        LossHistory h = run(whole, 3, tmp.resolve("whole"), false);
        assertEquals(9, whole.calls.size(), "10 examples in batches of 3: 3 steps per epoch, the remainder dropped");
        assertEquals(List.of(2.0, 5.0, 8.0), h.perEpoch().get("loss"));
        RecordingStep first = new RecordingStep(-1), rest = new RecordingStep(-1);
        run(first, 1, tmp.resolve("cut"), false);
        LossHistory resumed = run(rest, 3, tmp.resolve("cut"), true);
        List<String> both = new ArrayList<>(first.calls);
        both.addAll(rest.calls);
        assertEquals(whole.calls, both);
        assertEquals(h.perStep().get("other"), resumed.perStep().get("other"));
        assertNotEquals(whole.calls.get(0), whole.calls.get(3), "each epoch reshuffles");
    }

    @Test
    void aNonFiniteLossStopsTheRunWithATypedException(@TempDir Path tmp) throws Exception {
        RecordingStep step = new RecordingStep(5);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> run(step, 3, tmp, false));
        assertEquals(2, e.epoch());
        assertEquals(2, e.step());
        assertEquals(4, e.seed());
        assertEquals("recording", e.architecture());
        assertTrue(e.getMessage().contains("loss NaN, other 0.5") && e.getMessage().contains("seed 4"), e.getMessage());
        assertEquals(CheckpointFolder.file(tmp, 1), CheckpointFolder.latest(tmp).orElseThrow(), "the last finished epoch stays resumable");
    }

    /** A planted absurd learning rate makes real training overflow; it surfaces as the typed exception, nothing is written. */
    @Test
    void realNetworksWithAPlantedLearningRateDivergeTyped(@TempDir Path tmp) throws Exception {
        TrainingData data = ShapesTestData.data(null);
        TrainingSettings absurd = TrainingSettings.of(3, 1, 32, 1e30);
        TrainingDivergedException vae = assertThrows(TrainingDivergedException.class, () ->
                VaeTrainer.train(data, VaeConfig.preset("tiny", 3, 32, 32), absurd, new TrainingRun(tmp.resolve("vae"), false, Progress.SILENT)));
        assertEquals("vae", vae.architecture());
        TrainingDivergedException gan = assertThrows(TrainingDivergedException.class, () ->
                DcganTrainer.train(data, DcganConfig.preset("tiny", 3, 32, 32, 0), absurd, new TrainingRun(tmp.resolve("gan"), false, Progress.SILENT)));
        assertEquals("dcgan", gan.architecture());
        assertFalse(Files.exists(tmp.resolve("vae").resolve(ModelFolder.MODEL_JSON)));
        assertFalse(Files.exists(tmp.resolve("gan").resolve(ModelFolder.MODEL_JSON)));
    }
}
