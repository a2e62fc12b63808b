package io.genaudit.metrics.detect;

import io.genaudit.engine.Progress;
import io.genaudit.engine.image.ImageSource;
import io.genaudit.engine.image.Images;
import io.genaudit.engine.image.InMemoryImageSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DetectabilityStudyTest {
    private static final int N = 100, SIZE = 32;

    private static ImageSource src(Images im, String what) {
        return new InMemoryImageSource(im, what);
    }

    private static DetectabilityStudy study(DetectorClassifier c) {
        return new DetectabilityStudy(new DetectabilitySettings(SpectralFeatures.defaults(), c, 5, 0.01, 300, 11L, 32), Progress.SILENT);
    }

    @Test
    void checkerboardFakesAreDetectedWithIntervalAboveChance() {
        ImageSource real = src(SyntheticImages.smoothFields(N, SIZE, 1), "real");
        ImageSource fake = src(SyntheticImages.withCheckerboard(SyntheticImages.smoothFields(N, SIZE, 2), 0.02), "fake");
        DetectabilityStudy.Outcome o = study(DetectorClassifier.LOGISTIC).run(real, fake);
        DetectabilityMetrics m = o.metrics();
        assertTrue(m.auc() > 0.95, "AUC " + m.auc());
        assertTrue(m.aucCi().low() > 0.5, "bootstrap CI " + m.aucCi());
        assertTrue(m.aucCiDeLong().low() > 0.5, "DeLong CI " + m.aucCiDeLong());
        assertTrue(m.eer() < 0.1, "EER " + m.eer());
        assertEquals(N, m.nReal());
        assertEquals(N, m.nFake());
        // the fingerprint: mean generated spectrum has more power in the outermost radial bin
        int[] cols = SpectralFeatures.defaults().spectrumColumns();
        double[] mr = o.data().classMean(0, cols[0], cols[1]), mf = o.data().classMean(1, cols[0], cols[1]);
        assertTrue(mf[mf.length - 1] > mr[mr.length - 1] + 1, "corner power real " + mr[mr.length - 1] + " fake " + mf[mf.length - 1]);
    }

    @Test
    void realVersusRealIsIndistinguishable() {
        Images all = SyntheticImages.smoothFields(2 * N, SIZE, 3);
        ImageSource a = src(all.slice(0, N), "real half A"), b = src(all.slice(N, 2 * N), "real half B");
        DetectabilityMetrics m = study(DetectorClassifier.LOGISTIC).run(a, b).metrics();
        assertTrue(m.aucCi().contains(0.5), "bootstrap CI " + m.aucCi() + " (AUC " + m.auc() + ")");
        assertTrue(m.aucCiDeLong().contains(0.5), "DeLong CI " + m.aucCiDeLong());
        assertTrue(Math.abs(m.auc() - 0.5) < 0.15, "AUC " + m.auc());
    }

    @Tag("integration")
    @Test
    void everyClassifierSeparatesAndIsDeterministic() {
        ImageSource real = src(SyntheticImages.smoothFields(30, SIZE, 4), "real");
        ImageSource fake = src(SyntheticImages.withCheckerboard(SyntheticImages.smoothFields(30, SIZE, 5), 0.03), "fake");
        for (DetectorClassifier c : DetectorClassifier.values()) {
            DetectabilityStudy s = study(c);
            LabelledFeatures data = s.features(real, fake, null);
            DetectabilityStudy.Outcome o1 = s.crossValidate(data), o2 = s.crossValidate(data);
            assertTrue(o1.metrics().auc() > 0.9, c + " AUC " + o1.metrics().auc());
            assertArrayEquals(o1.cv().scores(), o2.cv().scores(), c + " not deterministic");
        }
    }

    @Test
    void foldsAreStratifiedAndDisjoint() {
        int[] labels = new int[53];
        for (int i = 30; i < 53; i++) labels[i] = 1;
        int[] f = CrossValidatedScores.stratifiedFolds(labels, 5, 9);
        int[][] counts = new int[5][2];
        for (int i = 0; i < labels.length; i++) counts[f[i]][labels[i]]++;
        for (int[] c : counts) {
            assertTrue(c[0] == 6, "real per fold " + c[0]);
            assertTrue(c[1] == 4 || c[1] == 5, "fake per fold " + c[1]);
        }
    }

    @Tag("integration")
    @Test
    void downscalingErasesTheCheckerboardButJpegQuality90DoesNot() {
        ImageSource real = src(SyntheticImages.smoothFields(40, SIZE, 6), "real");
        ImageSource fake = src(SyntheticImages.withCheckerboard(SyntheticImages.smoothFields(40, SIZE, 7), 0.03), "fake");
        List<DetectabilityStudy.RobustnessPoint> pts = study(DetectorClassifier.LOGISTIC).robustness(real, fake,
                List.of(new JpegCompression(90), new Downscale(0.5), new GaussianNoise(0.02)));
        assertEquals("jpeg", pts.get(0).kind());
        assertTrue(pts.get(0).metrics().auc() > 0.9, "jpeg90 AUC " + pts.get(0).metrics().auc());
        // 0.5x bilinear averages each 2x2 block, where a (-1)^(x+y) pattern sums to zero
        assertTrue(pts.get(1).metrics().aucCi().contains(0.5) || pts.get(1).metrics().auc() < 0.7, "downscale AUC " + pts.get(1).metrics().auc());
        assertEquals(0.02, pts.get(2).strength());
    }

    @Test
    void crossGeneratorTransferIsReported() {
        Images real = SyntheticImages.smoothFields(80, SIZE, 8);
        Images a = SyntheticImages.withCheckerboard(SyntheticImages.smoothFields(80, SIZE, 9), 0.03);
        Images b = SyntheticImages.smoothFields(80, SIZE, 10); // a "generator" without the artifact
        DetectabilityStudy s = study(DetectorClassifier.LOGISTIC);
        var cg = s.crossGenerator(s.rows(src(real, "r"), null, "real"), s.rows(src(a, "a"), null, "a"), s.rows(src(b, "b"), null, "b"));
        assertTrue(cg.within().auc() > 0.9, "within " + cg.within().auc());
        assertTrue(cg.across().auc() < cg.within().auc(), "across " + cg.across().auc());
        assertTrue(cg.comparison().pValue() < 0.01, "p " + cg.comparison().pValue());
        assertEquals(40, cg.nTrainReal());
    }

    @Test
    void nanImagesFromADivergedGeneratorAreRejected() {
        Images bad = SyntheticImages.smoothFields(10, SIZE, 12);
        bad.data()[5 * bad.imageSize() + 3] = Float.NaN;
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.genaudit.engine.ModelContractException.class,
                () -> study(DetectorClassifier.LOGISTIC).run(src(SyntheticImages.smoothFields(10, SIZE, 13), "real"), src(bad, "diverged gan")));
        assertTrue(e.getMessage().contains("diverged gan") && e.getMessage().contains("image 5"), e.getMessage());
    }
}
