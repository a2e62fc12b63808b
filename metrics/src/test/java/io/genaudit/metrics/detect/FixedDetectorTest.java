package io.genaudit.metrics.detect;

import io.genaudit.engine.InputException;
import io.genaudit.engine.Progress;
import io.genaudit.engine.image.Images;
import io.genaudit.engine.image.InMemoryImageSource;
import io.genaudit.metrics.stats.RocCurve;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FixedDetectorTest {
    @TempDir
    Path tmp;

    @Test
    void trainSaveLoadAndGateAtFixedFpr() throws Exception {
        SpectralFeatures f = SpectralFeatures.parse("fft:16,dct:4,pixel");
        SpectralFeatureExtractor ex = f.extractor();
        Images real = SyntheticImages.smoothFields(60, 32, 21), fake = SyntheticImages.withCheckerboard(SyntheticImages.smoothFields(60, 32, 22), 0.03);
        LabelledFeatures train = LabelledFeatures.of(ex.extract(real), ex.extract(fake));
        FixedDetector d = FixedDetector.train(train, f, 32, 32, DetectorClassifier.LOGISTIC, 5, Map.of("real_sha256", "abc"));
        Path file = tmp.resolve("det.json");
        d.save(file);
        FixedDetector back = FixedDetector.load(file);
        assertEquals("abc", back.provenance().get("real_sha256"));
        assertEquals(f, back.features());

        // the saved linear model gives exactly the scores Smile's fitted model gives
        TrainedDetector t = TrainedDetector.fit(train.x(), train.labels(), DetectorClassifier.LOGISTIC, 5);
        double[] direct = t.score(train.x());
        double[] loaded = new double[train.x().length];
        for (int i = 0; i < loaded.length; i++) loaded[i] = back.score(train.x()[i]);
        assertArrayEquals(direct, loaded, 1e-12);

        // new data: calibrate on fresh real images, detect fresh fakes at 5% FPR
        double[] cal = back.score(new InMemoryImageSource(SyntheticImages.smoothFields(100, 32, 23), "cal"), 32, Progress.NONE);
        double[] newFake = back.score(new InMemoryImageSource(SyntheticImages.withCheckerboard(SyntheticImages.smoothFields(50, 32, 24), 0.03), "new"), 32, Progress.NONE);
        FixedFprThreshold g = FixedFprThreshold.evaluate(cal, newFake, 0.05);
        assertTrue(g.achievedFpr() <= 0.05);
        assertTrue(g.detectionRate() > 0.8, "detection rate " + g.detectionRate());
        assertTrue(g.detectionCi().low() < g.detectionRate() && g.detectionCi().high() >= g.detectionRate());
        int[] y = new int[cal.length + newFake.length];
        for (int i = cal.length; i < y.length; i++) y[i] = 1;
        double[] all = new double[y.length];
        System.arraycopy(cal, 0, all, 0, cal.length);
        System.arraycopy(newFake, 0, all, cal.length, newFake.length);
        assertTrue(RocCurve.auc(all, y) > 0.9);

        assertThrows(InputException.class, () -> back.score(new InMemoryImageSource(SyntheticImages.smoothFields(2, 16, 1), "small"), 8, Progress.NONE));
    }

    @Test
    void thresholdAllowsAtMostTheTargetShareOfFalsePositives() {
        double[] real = new double[200];
        for (int i = 0; i < real.length; i++) real[i] = i; // 0..199
        double t = FixedFprThreshold.calibrate(real, 0.01); // 2 allowed above
        assertEquals(197, t);
        FixedFprThreshold g = FixedFprThreshold.evaluate(real, new double[]{198, 250, 10, 197}, 0.01);
        assertEquals(0.01, g.achievedFpr(), 1e-12);
        assertEquals(0.5, g.detectionRate(), 1e-12);
        // Clopper-Pearson for 2/4 (scipy.stats.binomtest(2, 4).proportion_ci(method='exact')): (0.0676, 0.9324)
        assertEquals(0.06758, g.detectionCi().low(), 1e-4);
        assertEquals(0.93242, g.detectionCi().high(), 1e-4);
    }

    @Test
    void rejectsFilesThatAreNotDetectors() throws Exception {
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\"format\":\"something-else\"}");
        InputException e = assertThrows(InputException.class, () -> FixedDetector.load(bad));
        assertTrue(e.getMessage().contains("bad.json") && e.getMessage().contains("genaudit-detector"), e.getMessage());
        assertThrows(InputException.class, () -> FixedDetector.load(tmp.resolve("missing.json")));
    }
}
