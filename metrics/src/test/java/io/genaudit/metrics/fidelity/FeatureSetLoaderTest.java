package io.genaudit.metrics.fidelity;

import io.genaudit.engine.InputException;
import io.genaudit.engine.Progress;
import io.genaudit.engine.image.ImageFeatureExtractor;
import io.genaudit.engine.image.ImageSource;
import io.genaudit.engine.image.Images;
import io.genaudit.engine.io.NpyArray;
import io.genaudit.engine.io.NpyWriter;
import io.genaudit.engine.io.NpzWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Loading features from .npy, statistics from .npz, and streaming images through an extractor. */
class FeatureSetLoaderTest {

    @Test
    void npyAndSavedStatsGiveTheSameFid(@TempDir Path dir) throws IOException {
        FeatureSet real = FeatureSetLoader.load(FidelityReference.path("real_200x64.npy"), () -> fail("no extractor for npy"), 10, true, Progress.SILENT);
        FeatureSet fake = FeatureSetLoader.fromNpy(FidelityReference.path("fake_200x64.npy"));
        assertEquals(200, real.count());
        assertEquals(64, real.dim());
        Path stats = dir.resolve("real_stats.npz");
        NpzWriter.writeStats(stats, real.mean(), real.covariance());
        FeatureSet fromStats = FeatureSetLoader.load(stats, () -> fail("no extractor for npz"), 10, true, Progress.SILENT);
        assertFalse(fromStats.hasFeatures());
        assertEquals(-1, fromStats.count());
        double a = FrechetDistance.compute(real.mean(), real.covariance(), fake.mean(), fake.covariance()).value();
        double b = FrechetDistance.compute(fromStats.mean(), fromStats.covariance(), fake.mean(), fake.covariance()).value();
        assertEquals(a, b, 0.0);
        InputException e = assertThrows(InputException.class, () -> fromStats.features("kid"));
        assertTrue(e.getMessage().contains("real_stats.npz") && e.getMessage().contains("kid"), e.getMessage());
    }

    @Test
    void badFilesAreNamed(@TempDir Path dir) throws IOException {
        Path cube = dir.resolve("cube.npy");
        NpyWriter.write(cube, NpyArray.ofFloat32(new long[]{2, 2, 2}, new float[8]));
        assertTrue(assertThrows(InputException.class, () -> FeatureSetLoader.fromNpy(cube)).getMessage().contains("cube.npy"));
        Path noSigma = dir.resolve("nosigma.npz");
        NpzWriter.write(noSigma, Map.of("mu", NpyArray.vector(new double[]{1, 2})));
        InputException e = assertThrows(InputException.class, () -> FeatureSetLoader.fromStatsNpz(noSigma));
        assertTrue(e.getMessage().contains("nosigma.npz") && e.getMessage().contains("sigma"), e.getMessage());
        Path txt = dir.resolve("x.txt");
        java.nio.file.Files.writeString(txt, "x");
        assertThrows(InputException.class, () -> FeatureSetLoader.load(txt, () -> null, 1, false, Progress.SILENT));
        assertThrows(InputException.class, () -> FeatureSetLoader.load(dir.resolve("missing.npy"), () -> null, 1, false, Progress.SILENT));
    }

    @Test
    void imagesStreamThroughExtractorInBatches() {
        double[][] features = FidelityReference.matrix("real_200x64");
        // an "extractor" returning row i of the reference features for image i (its single pixel holds i)
        ImageFeatureExtractor ex = new ImageFeatureExtractor() {
            public int dimension() { return 64; }
            public double[][] extract(Images b) {
                double[][] out = new double[b.n()][];
                for (int i = 0; i < b.n(); i++) out[i] = features[(int) b.data()[i]];
                return out;
            }
            public String describe() { return "lookup"; }
            public void close() { }
        };
        ImageSource src = new ImageSource() {
            public int size() { return 200; }
            public Iterator<Images> batches(int batchSize) {
                return new Iterator<>() {
                    int done = 0;
                    public boolean hasNext() { return done < 200; }
                    public Images next() {
                        int n = Math.min(batchSize, 200 - done);
                        float[] px = new float[n];
                        for (int i = 0; i < n; i++) px[i] = done + i;
                        done += n;
                        return new Images(n, 1, 1, 1, px);
                    }
                };
            }
            public String describe() { return "indices"; }
        };
        FeatureSet streamed = FeatureSetLoader.fromImages("mem", src, ex, 33, false, Progress.SILENT);
        FeatureSet whole = FeatureSet.ofFeatures("npy", "npy", features);
        assertFalse(streamed.hasFeatures());
        assertEquals(200, streamed.count());
        for (int i = 0; i < 64; i++) for (int j = 0; j < 64; j++) assertEquals(whole.covariance()[i][j], streamed.covariance()[i][j], 1e-12);
        assertTrue(FeatureSetLoader.fromImages("mem", src, ex, 64, true, Progress.SILENT).hasFeatures());
    }
}
