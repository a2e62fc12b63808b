package io.genaudit.spark;

import org.junit.jupiter.api.Tag;
import io.genaudit.metrics.contract.Metric;
import io.genaudit.metrics.contract.MetricResult;
import io.genaudit.metrics.contract.MetricRun;
import io.genaudit.metrics.fidelity.ClassLogitsBatch;
import io.genaudit.metrics.fidelity.FeatureBatch;
import io.genaudit.metrics.fidelity.InceptionScoreMetric;
import io.genaudit.metrics.fidelity.KidMetric;
import io.genaudit.metrics.fidelity.PrdcMetric;
import org.apache.spark.api.java.JavaRDD;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The metrics whose state keeps every item ({@code MetricInfo.Mergeability.ITEMS}: KID's random subsets, PRDC's
 * nearest-neighbour radii, the Inception Score's shuffle and splits) on {@code local[2]} from shuffled three-file
 * Parquet tables against the single-JVM run over the same rows in 97-row batches: every result component equal
 * (counts exactly, numbers within 1e-10 relative, intervals included). The subsets, half-samples and shuffles are
 * drawn on the driver over global row ids, so the partitioning cannot change them.
 */
@Tag("integration") // starts a local Spark runtime (tens of seconds): integration tier
class SparkItemMetricsTest {
    @TempDir
    static Path dir;
    private static String real;
    private static String fake;
    private static String logits;
    private static double[][] realRows;
    private static double[][] fakeRows;
    private static double[][] logitRows;

    @BeforeAll
    static void tables() {
        float[][] r = FeatureTables.gaussian(400, 8, 0, 31);
        float[][] f = FeatureTables.gaussian(350, 8, 0.4, 32);
        float[][] l = FeatureTables.gaussian(300, 10, 0, 33);
        real = FeatureTables.write(dir.resolve("real.parquet"), r);
        fake = FeatureTables.write(dir.resolve("fake.parquet"), f);
        logits = FeatureTables.write(dir.resolve("logits.parquet"), l);
        realRows = FeatureTables.widened(r);
        fakeRows = FeatureTables.widened(f);
        logitRows = FeatureTables.widened(l);
    }

    /** The single-JVM batches: each side in 97-row batches, the generated side first (arrival order must not matter). */
    private static List<FeatureBatch> localPairs() {
        List<FeatureBatch> out = new ArrayList<>(FeatureTables.batches(FeatureBatch.Side.FAKE, fakeRows, 97, fake));
        out.addAll(FeatureTables.batches(FeatureBatch.Side.REAL, realRows, 97, real));
        return out;
    }

    private static JavaRDD<FeatureBatch> sparkPairs(int partitions) {
        return SparkFeaturePairs.batches(LocalSpark.session(), new ParquetFeatures(real, null, 64),
                new ParquetFeatures(fake, null, 64), partitions);
    }

    private static <P extends Record, I, S extends java.io.Serializable, R extends Record & MetricResult> R assertEqual(
            Metric<P, I, S, R> metric, P params, List<I> local, JavaRDD<I> distributed, int depth) {
        R single = MetricRun.once(metric, params, local);
        R spark = SparkMetricRun.once(metric, params, distributed, depth);
        List<String> diff = ResultAgreement.differences(single, spark, ResultAgreement.DEFAULT_RELATIVE_TOLERANCE);
        assertTrue(diff.isEmpty(), metric.info().name() + ": " + diff);
        assertEquals(single.n(), spark.n());
        return spark;
    }

    @Test
    void kidSubsetsDrawnOverGlobalRowIdsGiveTheSingleJvmValue() {
        KidMetric kid = new KidMetric();
        KidMetric.Params p = kid.parameters().bind(Map.of("subsets", 10, "subsetSize", 100, "bootstrap", 10), 2020L);
        KidMetric.Result r = assertEqual(kid, p, localPairs(), sparkPairs(5), 2);
        assertEquals(400, r.nReal());
        assertEquals(350, r.nFake());
        assertEquals(100, r.subsetSize());
        assertNotNull(r.ci());
        assertTrue(r.value() > 0.01, "a mean shift of 0.4 in 8 dimensions is visible to the cubic kernel: " + r.value());
        // another partitioning and tree depth: still the same subsets, so the same value
        KidMetric.Params noInterval = kid.parameters().bind(Map.of("subsets", 10, "subsetSize", 100, "bootstrap", 0), 2020L);
        assertEquals(r.value(), assertEqual(kid, noInterval, localPairs(), sparkPairs(3), 3).value(), 1e-10 * r.value());
    }

    @Test
    void prdcRadiiAndCountsEqualTheSingleJvmRun() {
        PrdcMetric prdc = new PrdcMetric();
        PrdcMetric.Params p = prdc.parameters().bind(Map.of("k", 5, "bootstrap", 10), 3L);
        PrdcMetric.Result r = assertEqual(prdc, p, localPairs(), sparkPairs(4), 2);
        assertTrue(r.value() > 0 && r.value() < 1, "precision is a fraction: " + r.value());
    }

    @Test
    void inceptionScoreShuffleAndSplitsEqualTheSingleJvmRun() {
        List<ClassLogitsBatch> local = new ArrayList<>();
        for (int from = logitRows.length; from > 0; from -= 97) {   // last batch first
            int lo = Math.max(0, from - 97);
            local.add(new ClassLogitsBatch(lo, Arrays.copyOfRange(logitRows, lo, from), logits));
        }
        InceptionScoreMetric is = new InceptionScoreMetric();
        InceptionScoreMetric.Params p = is.parameters().bind(Map.of("splits", 5, "bootstrap", 20), 2020L);
        JavaRDD<ClassLogitsBatch> batches = SparkClassLogits.batches(LocalSpark.session(), new ParquetFeatures(logits, null, 64), 4);
        InceptionScoreMetric.Result r = assertEqual(is, p, local, batches, 2);
        assertEquals(300, r.n());
        assertEquals(10, r.classes());
        assertEquals(5, r.perSplit().length);
        assertTrue(r.value() > 1 && r.value() < 10, "IS lies between 1 and the class count: " + r.value());
    }
}
