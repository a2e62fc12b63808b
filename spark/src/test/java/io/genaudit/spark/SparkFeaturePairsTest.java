package io.genaudit.spark;

import org.junit.jupiter.api.Tag;
import io.genaudit.metrics.contract.MetricRun;
import io.genaudit.metrics.fidelity.FeatureBatch;
import io.genaudit.metrics.fidelity.FidMetric;
import io.genaudit.metrics.fidelity.PrdMetric;
import org.apache.spark.api.java.JavaRDD;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * FID and PRD from Parquet feature tables on {@code local[2]} (range partitions, treeReduce of the Chan-merged
 * Gaussian statistics, rows gathered in row-id order where the metric keeps them) against the single-JVM run of the
 * same metric over the same rows in 512-row batches.
 */
@Tag("integration") // starts a local Spark runtime (tens of seconds): integration tier
class SparkFeaturePairsTest {
    @TempDir
    static Path dir;
    private static String real;
    private static String fake;
    private static double[][] realRows;
    private static double[][] fakeRows;

    @BeforeAll
    static void tables() {
        float[][] r = FeatureTables.gaussian(3000, 24, 0, 1);
        float[][] f = FeatureTables.gaussian(2500, 24, 0.3, 2);
        real = FeatureTables.write(dir.resolve("real.parquet"), r);
        fake = FeatureTables.write(dir.resolve("fake.parquet"), f);
        realRows = FeatureTables.widened(r);
        fakeRows = FeatureTables.widened(f);
    }

    private static List<FeatureBatch> localBatches() {
        List<FeatureBatch> out = new ArrayList<>(FeatureTables.batches(FeatureBatch.Side.REAL, realRows, 512, real));
        out.addAll(FeatureTables.batches(FeatureBatch.Side.FAKE, fakeRows, 512, fake));
        return out;
    }

    private static FidMetric.Result assertSparkEqualsLocal(FidMetric.Params p, int partitions, int depth) {
        FidMetric fid = new FidMetric();
        FidMetric.Result local = MetricRun.once(fid, p, localBatches());
        JavaRDD<FeatureBatch> batches = SparkFeaturePairs.batches(LocalSpark.session(),
                new ParquetFeatures(real, null, 200), new ParquetFeatures(fake, null, 200), partitions);
        FidMetric.Result spark = SparkMetricRun.once(fid, p, batches, depth);
        assertEquals(3000, spark.nReal());
        assertEquals(2500, spark.nFake());
        List<String> diff = ResultAgreement.differences(local, spark, ResultAgreement.DEFAULT_RELATIVE_TOLERANCE);
        assertTrue(diff.isEmpty(), diff.toString());
        assertTrue(local.value() > 0.1, "the planted mean shift of 0.3 in 24 dimensions gives FID of about 24*0.09: " + local.value());
        return spark;
    }

    @Test
    void fidFromParquetOnSparkEqualsTheSingleJvmRun() {
        assertSparkEqualsLocal(new FidMetric().parameters().bind(Map.of("bootstrap", 0), 0L), 5, 2);
    }

    @Test
    void rowsKeptForTheBootstrapAndFidInfinityComeBackInOneOrder() {
        FidMetric.Params p = new FidMetric().parameters().bind(Map.of("bootstrap", 20, "fidInfinity", true, "points", 5), 11L);
        FidMetric.Result spark = assertSparkEqualsLocal(p, 3, 3);
        assertNotNull(spark.ci());
        assertNotNull(spark.fidInfinity());
    }

    @Test
    void prdKeepsEveryRowAndEqualsTheSingleJvmRun() {
        PrdMetric prd = new PrdMetric();
        PrdMetric.Params p = prd.parameters().bind(Map.of("clusters", 5, "angles", 11, "runs", 2, "inits", 2, "iterations", 20), 5L);
        PrdMetric.Result local = MetricRun.once(prd, p, localBatches());
        PrdMetric.Result spark = SparkMetricRun.once(prd, p, SparkFeaturePairs.batches(LocalSpark.session(),
                new ParquetFeatures(real, null, 300), new ParquetFeatures(fake, null, 300), 4));
        List<String> diff = ResultAgreement.differences(local, spark, ResultAgreement.DEFAULT_RELATIVE_TOLERANCE);
        assertTrue(diff.isEmpty(), diff.toString());
        assertEquals(2500, spark.nFake());
    }
}
