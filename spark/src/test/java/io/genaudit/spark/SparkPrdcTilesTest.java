package io.genaudit.spark;

import io.genaudit.engine.InputException;
import io.genaudit.metrics.contract.MetricRun;
import io.genaudit.metrics.fidelity.FeatureBatch;
import io.genaudit.metrics.fidelity.PrdcMetric;
import org.apache.spark.api.java.JavaRDD;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PRDC tiled over the executors ({@link SparkPrdcTiles}) against the single-JVM {@link PrdcMetric} over the same
 * rows, from shuffled three-file Parquet tables with repeated and near-repeated rows (zero and rounding-noise
 * distances, tied and zero k-NN radii, generated rows on top of real ones): the four measures equal exactly (they are
 * counts) for several block sizes and partitions, including blocks that do not divide the row count and a last block
 * of one row.
 */
@Tag("integration") // starts a local Spark runtime (tens of seconds): integration tier
class SparkPrdcTilesTest {
    /** More features than one OpenBLAS K-panel (256): OpenBLAS's dgemm would decide 3 coverage and 2 ball tests otherwise. */
    private static final int DIM = 300;
    @TempDir
    static Path dir;
    private static FeatureTables.Pair tables;

    @BeforeAll
    static void write() {
        float[][] r = FeatureTables.gaussian(301, DIM, 0, 41);
        float[][] f = FeatureTables.gaussian(250, DIM, 0.3, 42);
        for (int g = 0; g < 5; g++) {
            // six real rows one float step apart and a generated row one step off them: their distances are the
            // Gram formula's rounding noise, so radii and ball tests hold only if every pair is computed in one order
            int first = 10 + 20 * g;
            for (int i = first + 1; i < first + 6; i++) {
                r[i] = r[first].clone();
                r[i][i - first] = Math.nextUp(r[i][i - first]);
            }
            f[g] = r[first].clone();
            f[g][7] = Math.nextDown(f[g][7]);
        }
        for (int i = 5; i < 40; i++) f[i] = r[7 * i].clone();   // generated rows on real rows (distance 0)
        f[41] = f[40].clone();
        tables = FeatureTables.Pair.write(dir, r, f);
    }

    private static PrdcMetric.Params params(int k) {
        return new PrdcMetric().parameters().bind(Map.of("k", k, "bootstrap", 0), 1L);
    }

    private static PrdcMetric.Result singleJvm(PrdcMetric.Params p) {
        List<FeatureBatch> local = new ArrayList<>(FeatureTables.batches(FeatureBatch.Side.FAKE, tables.fakeRows(), 97, tables.fake()));
        local.addAll(FeatureTables.batches(FeatureBatch.Side.REAL, tables.realRows(), 97, tables.real()));
        return MetricRun.once(new PrdcMetric(), p, local);
    }

    private static JavaRDD<FeatureBatch> pairs(int blockRows, int partitions) {
        return SparkFeaturePairs.batches(LocalSpark.session(), new ParquetFeatures(tables.real(), null, blockRows),
                new ParquetFeatures(tables.fake(), null, blockRows), partitions);
    }

    @Test
    void tiledRadiiAndCountsEqualTheSingleJvmRun() {
        for (int k : new int[]{3, 5}) {
            PrdcMetric.Params p = params(k);
            PrdcMetric.Result single = singleJvm(p);
            assertTrue(single.precision() > 0 && single.precision() < 1 && single.coverage() > 0 && single.coverage() < 1,
                    "non-trivial measures: " + single);
            // blocks: 100/100/100/1 real rows; 300/1; 37 (neither side divides); 64 over 2 partitions
            int[][] cases = k == 3 ? new int[][]{{100, 3}, {300, 2}, {37, 4}} : new int[][]{{64, 2}};
            for (int[] c : cases) {
                PrdcMetric.Result tiled = SparkPrdcTiles.compute(pairs(c[0], c[1]), p);
                String what = "k=" + k + " block " + c[0] + " partitions " + c[1];
                assertTrue(ResultAgreement.differences(single, tiled, 0.0).isEmpty(),
                        what + ": " + ResultAgreement.differences(single, tiled, 0.0));
                assertEquals(single.precision(), tiled.precision(), 0.0, what);
                assertEquals(single.recall(), tiled.recall(), 0.0, what);
                assertEquals(single.density(), tiled.density(), 0.0, what);
                assertEquals(single.coverage(), tiled.coverage(), 0.0, what);
                assertEquals(301, tiled.nReal());
                assertEquals(250, tiled.nFake());
                assertEquals(DIM, tiled.dim());
            }
        }
    }

    @Test
    void routeIsTiledWithoutIntervalsAndCanBeTurnedOff() {
        var spark = LocalSpark.session();
        PrdcMetric prdc = new PrdcMetric();
        assertTrue(SparkPrdcTiles.applies(spark, prdc, params(5)));
        assertFalse(SparkPrdcTiles.applies(spark, prdc, prdc.parameters().bind(Map.of("k", 5, "bootstrap", 10), 1L)),
                "half-sampling intervals need the rows: gathered route");
        try {
            spark.conf().set(SparkPrdcTiles.ROUTE, "gathered");
            assertFalse(SparkPrdcTiles.applies(spark, prdc, params(5)));
            spark.conf().set(SparkPrdcTiles.ROUTE, "tiles");
            InputException e = assertThrows(InputException.class, () -> SparkPrdcTiles.applies(spark, prdc, params(5)));
            assertTrue(e.getMessage().contains(SparkPrdcTiles.ROUTE) && e.getMessage().contains("'tiles'"), e.getMessage());
        } finally {
            spark.conf().unset(SparkPrdcTiles.ROUTE);
        }
    }

    @Test
    void tooFewRowsForKIsAnErrorNamingTheTable() {
        InputException e = assertThrows(InputException.class, () -> SparkPrdcTiles.compute(pairs(100, 2), params(260)));
        assertTrue(e.getMessage().contains("fake.parquet") && e.getMessage().contains("at least 261 samples"), e.getMessage());
    }
}
