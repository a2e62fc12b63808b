package io.genaudit.metrics.fidelity;

import io.genaudit.engine.InputException;
import io.genaudit.engine.Progress;
import io.genaudit.engine.image.ImageFeatureExtractor;
import io.genaudit.engine.image.ImageSource;
import io.genaudit.engine.image.Images;
import io.genaudit.metrics.contract.MetricRun;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Images streamed batch by batch into a feature-pair metric's state ({@link FeatureBatches#sendImages}) give the same
 * FID as the materialised path (every row extracted into a {@link FeatureSet}, then cut into batches), while a
 * moments-only state (FID without bootstrap or FID∞) keeps no row and a state that needs rows keeps each once.
 */
class FeatureStreamingTest {
    private static final int D = 12;

    /** {@code n} seeded 1x4x4 images with pixel means that differ per set ({@code shift}). */
    private static ImageSource images(int n, long seed, float shift) {
        float[] px = new float[n * 16];
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < px.length; i++) px[i] = (float) (r.nextDouble() + shift);
        return new ImageSource() {
            public int size() {
                return n;
            }

            public Iterator<Images> batches(int batchSize) {
                Images all = new Images(n, 1, 4, 4, px);
                List<Images> out = new ArrayList<>();
                for (int from = 0; from < n; from += batchSize) out.add(all.slice(from, Math.min(n, from + batchSize)));
                return out.iterator();
            }

            public String describe() {
                return n + " seeded images";
            }
        };
    }

    /** A nonlinear 12-d "extractor": products and sines of pixel pairs, so the covariance is full and not Gaussian. */
    private static final ImageFeatureExtractor EXTRACTOR = new ImageFeatureExtractor() {
        public int dimension() {
            return D;
        }

        public double[][] extract(Images b) {
            double[][] f = new double[b.n()][D];
            for (int i = 0; i < b.n(); i++) {
                for (int j = 0; j < D; j++) {
                    double a = b.get(i, 0, j / 4, j % 4), c = b.get(i, 0, (j + 5) / 4 % 4, (j + 3) % 4);
                    f[i][j] = a * c + Math.sin(3 * a) - 0.5 * c;
                }
            }
            return f;
        }

        public String describe() {
            return "pixel products";
        }

        public void close() {
        }
    };

    private static final FidMetric FID = new FidMetric();

    private static FidMetric.Params params(int bootstrap) {
        return new FidMetric.Params(bootstrap, 0.95, false, 15, null, 3);
    }

    private static FeaturePairState streamed(FidMetric.Params p, int batch) throws Exception {
        return MetricRun.accumulate(FID, p, sink -> {
            FeatureBatches.sendImages(FeatureBatch.Side.REAL, "real", images(700, 1, 0f), EXTRACTOR, batch, Progress.SILENT, sink);
            FeatureBatches.sendImages(FeatureBatch.Side.FAKE, "fake", images(500, 2, 0.1f), EXTRACTOR, batch, Progress.SILENT, sink);
        });
    }

    @Test
    void streamedFidEqualsTheMaterialisedPathAndKeepsNoRows() throws Exception {
        FidMetric.Params p = params(0);
        FeatureSet real = FeatureSetLoader.fromImages("real", images(700, 1, 0f), EXTRACTOR, 64, true, Progress.SILENT);
        FeatureSet fake = FeatureSetLoader.fromImages("fake", images(500, 2, 0.1f), EXTRACTOR, 64, true, Progress.SILENT);
        FidMetric.Result materialised = FID.compute(MetricRun.accumulate(FID, p, sink -> {
            FeatureBatches.send(FeatureBatch.Side.REAL, real, sink);
            FeatureBatches.send(FeatureBatch.Side.FAKE, fake, sink);
        }), p);
        FeaturePairState state = streamed(p, 37);
        assertFalse(state.real().hasRows() || state.fake().hasRows(), "FID without bootstrap or FID∞ keeps moments only");
        FidMetric.Result streamed = FID.compute(state, p);
        assertTrue(materialised.value() > 0.05, "the two sets differ: " + materialised.value());
        assertEquals(materialised.value(), streamed.value(), 1e-12 * materialised.value());
        assertEquals(materialised.meanTerm(), streamed.meanTerm(), 1e-12 * materialised.meanTerm());
        assertEquals(materialised.traceSqrtProduct(), streamed.traceSqrtProduct(), 1e-12 * materialised.traceSqrtProduct());
        assertEquals(700, streamed.nReal());
        assertEquals(500, streamed.nFake());
        // the batch size of the extractor does not change the number beyond rounding
        assertEquals(streamed.value(), FID.compute(streamed(p, 500), p).value(), 1e-12 * streamed.value());
    }

    @Test
    void statesThatNeedRowsKeepEachStreamedRowOnceInOrder() throws Exception {
        FeaturePairState state = streamed(params(20), 64);
        double[][] rows = state.fake().rows("bootstrap");
        assertEquals(500, rows.length);
        double[][] direct = FeatureSetLoader.fromImages("fake", images(500, 2, 0.1f), EXTRACTOR, 500, true, Progress.SILENT).features("x");
        for (int i = 0; i < 500; i++) assertEquals(direct[i][3], rows[i][3], 0.0, "row " + i);
        assertTrue(FID.compute(state, params(20)).ci() != null);
    }

    @Test
    void aStatisticsOnlySideIsRefusedAsLogitsByName() {
        FeatureBatch moments = FeatureBatch.moments(FeatureBatch.Side.FAKE, new double[2], new double[2][2], 10, "stats.npz");
        InputException e = assertThrows(InputException.class, () -> FeatureBatches.asLogits("the Inception Score", b -> { }).accept(moments));
        assertTrue(e.getMessage().contains("stats.npz") && e.getMessage().contains("the Inception Score"), e.getMessage());
    }
}
