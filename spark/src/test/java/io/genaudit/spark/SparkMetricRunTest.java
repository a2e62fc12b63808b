package io.genaudit.spark;

import org.junit.jupiter.api.Tag;
import io.genaudit.metrics.contract.Metric;
import io.genaudit.metrics.contract.MetricInfo;
import io.genaudit.metrics.contract.MetricRun;
import org.apache.spark.api.java.JavaRDD;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generic runner on {@code local[2]} against the single-JVM {@link MetricRun#once} over the same batches. */
@Tag("integration") // starts a local Spark runtime (tens of seconds): integration tier
class SparkMetricRunTest {
    private static final ColumnMomentsMetric METRIC = new ColumnMomentsMetric();
    private static final ColumnMomentsMetric.Params PARAMS = new ColumnMomentsMetric.Params(1);

    /** Rows around 1000 with unit-scale spread (so a naive sum-of-squares merge would lose digits), in uneven batches. */
    private static List<double[][]> batches(long seed, int rows, int dim) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<double[][]> out = new ArrayList<>();
        int done = 0;
        while (done < rows) {
            int b = Math.min(rows - done, 1 + rnd.nextInt(150));
            double[][] batch = new double[b][dim];
            for (double[] r : batch) for (int j = 0; j < dim; j++) r[j] = 1000 + (j + 1) * rnd.nextGaussian();
            out.add(batch);
            done += b;
        }
        return out;
    }

    @Test
    void partitionsMergedByTreeReduceEqualOnePass() {
        List<double[][]> data = batches(7, 20_000, 6);
        ColumnMomentsMetric.Result local = MetricRun.once(METRIC, PARAMS, data);
        for (int[] partsDepth : new int[][]{{7, 2}, {16, 3}, {2, 2}}) {
            JavaRDD<double[][]> rdd = LocalSpark.context().parallelize(data, partsDepth[0]);
            ColumnMomentsMetric.Result spark = SparkMetricRun.once(METRIC, PARAMS, rdd, partsDepth[1]);
            assertEquals(20_000, spark.n());
            List<String> diff = ResultAgreement.differences(local, spark, ResultAgreement.DEFAULT_RELATIVE_TOLERANCE);
            assertTrue(diff.isEmpty(), partsDepth[0] + " partitions, depth " + partsDepth[1] + ": " + diff);
        }
        // the planted spread: column j has variance (j+1)^2, so the mean variance is 91/6 up to sampling error
        assertEquals(91.0 / 6, local.value(), 0.5);
    }

    @Test
    void emptyPartitionsContributeEmptyStates() {
        List<double[][]> data = batches(11, 300, 3).subList(0, 3);
        ColumnMomentsMetric.Result local = MetricRun.once(METRIC, PARAMS, data);
        ColumnMomentsMetric.Result spark = SparkMetricRun.once(METRIC, PARAMS, LocalSpark.context().parallelize(data, 9));
        assertEquals(local.n(), spark.n());
        assertTrue(ResultAgreement.differences(local, spark, 1e-12).isEmpty());
    }

    @Test
    void parametersTravelToExecutors() {
        List<double[][]> data = batches(3, 500, 2);
        ColumnMomentsMetric.Params population = new ColumnMomentsMetric.Params(0);
        ColumnMomentsMetric.Result a = SparkMetricRun.once(METRIC, population, LocalSpark.context().parallelize(data, 4));
        ColumnMomentsMetric.Result b = SparkMetricRun.once(METRIC, PARAMS, LocalSpark.context().parallelize(data, 4));
        assertEquals(b.value() * (a.n() - 1) / a.n(), a.value(), 1e-12 * a.value());
        assertNotEquals(a.value(), b.value());
    }

    @Test
    void depthBelowTwoAndUnrebuildableMetricsAreRefusedByName() {
        JavaRDD<double[][]> rdd = LocalSpark.context().parallelize(batches(1, 10, 2), 2);
        assertThrows(IllegalArgumentException.class, () -> SparkMetricRun.once(METRIC, PARAMS, rdd, 1));
        Metric<ColumnMomentsMetric.Params, double[][], ColumnMomentsMetric.State, ColumnMomentsMetric.Result> hidden = new Hidden();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SparkMetricRun.once(hidden, PARAMS, rdd));
        assertTrue(e.getMessage().contains("column-moments") && e.getMessage().contains("public"), e.getMessage());
    }

    /** A metric executors cannot rebuild: not public. */
    private static final class Hidden implements Metric<ColumnMomentsMetric.Params, double[][], ColumnMomentsMetric.State, ColumnMomentsMetric.Result> {
        @Override
        public MetricInfo info() {
            return METRIC.info();
        }

        @Override
        public Class<ColumnMomentsMetric.Params> parameterType() {
            return METRIC.parameterType();
        }

        @Override
        public Class<double[][]> inputType() {
            return METRIC.inputType();
        }

        @Override
        public Class<ColumnMomentsMetric.Result> resultType() {
            return METRIC.resultType();
        }

        @Override
        public ColumnMomentsMetric.State newState(ColumnMomentsMetric.Params p) {
            return METRIC.newState(p);
        }

        @Override
        public ColumnMomentsMetric.State update(ColumnMomentsMetric.State s, double[][] batch) {
            return METRIC.update(s, batch);
        }

        @Override
        public ColumnMomentsMetric.State merge(ColumnMomentsMetric.State a, ColumnMomentsMetric.State b) {
            return METRIC.merge(a, b);
        }

        @Override
        public ColumnMomentsMetric.Result compute(ColumnMomentsMetric.State s, ColumnMomentsMetric.Params p) {
            return METRIC.compute(s, p);
        }
    }
}
