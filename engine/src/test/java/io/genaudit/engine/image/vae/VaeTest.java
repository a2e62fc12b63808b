package io.genaudit.engine.image.vae;

import io.genaudit.engine.Progress;
import io.genaudit.engine.image.Images;
import io.genaudit.engine.image.ShapesTestData;
import io.genaudit.engine.image.nn.ModelFolder;
import io.genaudit.engine.image.nn.TrainingData;
import io.genaudit.engine.train.TrainingRun;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class VaeTest {
    @Tag("integration")
    @Test
    void tinyLossFallsSeedsReproduceAndResumeMatches(@TempDir Path tmp) throws Exception {
        TrainingData data = ShapesTestData.data(null);
        try (VaeModel a = trainTiny(data, tmp.resolve("a"), 3, false)) {
            Map<String, Object> json = ModelFolder.readJson(tmp.resolve("a/model.json"));
            @SuppressWarnings("unchecked")
            Map<String, List<Number>> ep = (Map<String, List<Number>>) ((Map<String, Object>) json.get("history")).get("perEpoch");
            List<Number> loss = ep.get("loss");
            assertEquals(3, loss.size());
            // 32*32*3 pixels: an untrained decoder costs ~ 3072 ln 2 = 2129 nats; training must go well below
            assertTrue(loss.get(2).doubleValue() < loss.get(0).doubleValue(), "loss did not fall: " + loss);
            Images s = a.generate(5, 9, null);
            for (float v : s.data()) assertTrue(v >= 0 && v <= 1);
            assertArrayEquals(s.data(), a.generate(5, 9, null).data());
            Images batch = data.images().slice(0, 4);
            Images r = a.reconstruct(batch);
            assertEquals(4, r.n());
            // reconstruction is closer to its own input than to another image's
            assertTrue(mse(r.slice(0, 1), batch.slice(0, 1)) < mse(r.slice(0, 1), batch.slice(1, 2)) + 0.05);

            try (VaeModel loaded = VaeModel.load(tmp.resolve("a"))) {
                assertArrayEquals(s.data(), loaded.generate(5, 9, null).data());
            }
        }
    }

    /**
     * Same seed, same weights; and an interrupted run resumed from its checkpoint equals an uninterrupted one
     * (with one PyTorch intra-op thread, as the build and launcher configure).
     */
    @Tag("integration")
    @Test
    void sameSeedRetrainsAndResumeMatch(@TempDir Path tmp) throws Exception {
        TrainingData data = ShapesTestData.data(null);
        try (VaeModel a = trainTiny(data, tmp.resolve("a"), 3, false)) {
            Images s = a.generate(5, 9, null);
            trainTiny(data, tmp.resolve("b"), 2, false).close();
            try (VaeModel b = trainTiny(data, tmp.resolve("b"), 3, true);
                 VaeModel loaded = VaeModel.load(tmp.resolve("a"))) {
                assertArrayEquals(s.data(), b.generate(5, 9, null).data());
                assertArrayEquals(s.data(), loaded.generate(5, 9, null).data());
            }
        }
    }

    @Test
    void greyscale28() {
        try (VaeModel m = VaeModel.create(VaeConfig.preset("tiny", 1, 28, 28), 1)) {
            Images x = m.generate(2, 1, null);
            assertEquals(1, x.channels());
            assertEquals(28, x.width());
            assertEquals(2, m.reconstruct(x).n());
        }
    }

    /** The tiny 3x32x32 VAE trained for {@code epochs} with its default settings (seed 3) into {@code dir}. */
    private static VaeModel trainTiny(TrainingData data, Path dir, int epochs, boolean resume) throws IOException {
        return VaeTrainer.train(data, VaeConfig.preset("tiny", 3, 32, 32), VaeTrainer.defaultSettings("tiny", 3, epochs),
                new TrainingRun(dir, resume, Progress.SILENT));
    }

    private static double mse(Images a, Images b) {
        double s = 0;
        for (int i = 0; i < a.data().length; i++) s += Math.pow(a.data()[i] - b.data()[i], 2);
        return s / a.data().length;
    }
}
