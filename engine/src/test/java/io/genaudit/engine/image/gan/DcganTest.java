package io.genaudit.engine.image.gan;

import io.genaudit.engine.InputException;
import io.genaudit.engine.image.Images;
import io.genaudit.engine.image.ShapesTestData;
import io.genaudit.engine.image.nn.ModelFolder;
import io.genaudit.engine.image.nn.TrainingData;
import io.genaudit.engine.train.CheckpointFolder;
import io.genaudit.engine.train.TrainingRun;
import io.genaudit.engine.Progress;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

@Tag("integration")
class DcganTest {
    @Test
    void tinyTrainsInSecondsDiscriminatorLossFallsAndSeedsReproduce(@TempDir Path tmp) throws Exception {
        TrainingData data = ShapesTestData.data(null);
        DcganConfig cfg = DcganConfig.preset("tiny", 3, 32, 32, 0);
        long t0 = System.nanoTime();
        try (DcganModel a = DcganTrainer.train(data, cfg, DcganTrainer.defaultSettings("tiny", 5, 3), new TrainingRun(tmp.resolve("a"), false, Progress.SILENT))) {
            double secs = (System.nanoTime() - t0) / 1e9;
            assertTrue(secs < 30, "tiny DCGAN took " + secs + " s");
            Map<String, Object> json = ModelFolder.readJson(tmp.resolve("a/model.json"));
            assertEquals(data.sha256(), json.get("dataSha256"));
            @SuppressWarnings("unchecked")
            Map<String, List<Number>> steps = (Map<String, List<Number>>) ((Map<String, Object>) json.get("history")).get("perStep");
            List<Number> d = steps.get("lossD");
            assertEquals(3 * 8, d.size());
            // D starts near 2 ln 2 (cannot tell real from fake) and learns to separate them
            assertEquals(2 * Math.log(2), d.get(0).doubleValue(), 0.35);
            double lastMean = d.subList(d.size() - 8, d.size()).stream().mapToDouble(Number::doubleValue).average().orElseThrow();
            assertTrue(lastMean < d.get(0).doubleValue() - 0.2, "lossD did not fall: first " + d.get(0) + " last epoch " + lastMean);

            Images s1 = a.generate(6, 42, null);
            assertEquals(3, s1.channels());
            for (float v : s1.data()) assertTrue(v >= 0 && v <= 1);
            assertArrayEquals(s1.data(), a.generate(6, 42, null).data());
            assertFalse(java.util.Arrays.equals(s1.data(), a.generate(6, 43, null).data()));
            // an image depends only on its latent, not on the batch it is generated in
            assertArrayEquals(s1.slice(0, 2).data(), a.generate(2, 42, null).data(), 1e-5f);

            // same seed, same training, same samples; the saved model loads to the same generator
            try (DcganModel b = DcganTrainer.train(data, cfg, DcganTrainer.defaultSettings("tiny", 5, 3), new TrainingRun(tmp.resolve("b"), false, Progress.SILENT));
                 DcganModel loaded = DcganModel.load(tmp.resolve("a"))) {
                assertArrayEquals(s1.data(), b.generate(6, 42, null).data());
                assertArrayEquals(s1.data(), loaded.generate(6, 42, null).data());
                assertTrue(loaded.describe().contains("3 epochs"), loaded.describe());
            }
            // resume: 2 epochs, then resume to 3 gives the uninterrupted result
            DcganTrainer.train(data, cfg, DcganTrainer.defaultSettings("tiny", 5, 2), new TrainingRun(tmp.resolve("c"), false, Progress.SILENT)).close();
            try (DcganModel c = DcganTrainer.train(data, cfg, DcganTrainer.defaultSettings("tiny", 5, 3), new TrainingRun(tmp.resolve("c"), true, Progress.SILENT))) {
                assertArrayEquals(s1.data(), c.generate(6, 42, null).data());
            }
            // a checkpoint of another run is refused
            InputException e = assertThrows(InputException.class, () ->
                    DcganTrainer.train(data, cfg, DcganTrainer.defaultSettings("tiny", 6, 4), new TrainingRun(tmp.resolve("c"), true, Progress.SILENT)));
            assertTrue(e.getMessage().contains("seed"), e.getMessage());
        }
    }

    @Test
    void conditionalAndGreyscaleShapes(@TempDir Path tmp) throws Exception {
        TrainingData data = ShapesTestData.data("colour");
        assertEquals(List.of("red", "green", "blue"), data.classNames());
        DcganConfig cfg = DcganConfig.preset("tiny", 3, 32, 32, 3);
        try (DcganModel m = DcganTrainer.train(data, cfg, DcganTrainer.defaultSettings("tiny", 1, 1), new TrainingRun(tmp.resolve("c"), false, Progress.SILENT))) {
            assertEquals(3, m.numClasses());
            Images x = m.generate(4, 1, new int[]{0, 1, 2, 0});
            assertEquals(4, x.n());
            assertThrows(IllegalArgumentException.class, () -> m.generate(2, 1, new int[]{0, 3}));
        }
        try (DcganModel g = DcganModel.create(DcganConfig.preset("tiny", 1, 28, 28, 0), 1)) {
            Images x = g.generate(3, 1, null);
            assertEquals(1, x.channels());
            assertEquals(28, x.height());
        }
        assertTrue(Files.exists(CheckpointFolder.file(tmp.resolve("c"), 1)));
    }
}
