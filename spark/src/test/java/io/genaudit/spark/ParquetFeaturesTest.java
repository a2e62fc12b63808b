package io.genaudit.spark;

import org.junit.jupiter.api.Tag;
import io.genaudit.engine.InputException;
import io.genaudit.metrics.contract.MetricRun;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parquet feature tables (row id + array<float>) written in shuffled order over several files, read back as blocks. */
@Tag("integration") // starts a local Spark runtime (tens of seconds): integration tier
class ParquetFeaturesTest {
    @TempDir
    Path dir;

    private String write(String name, long[] ids, float[][] rows, StructType schema) {
        return FeatureTables.write(dir.resolve(name), ids, rows, schema);
    }

    private static float[][] gaussian(int n, int d, long seed) {
        return FeatureTables.gaussian(n, d, 3, seed);
    }

    private static long[] ids(int n) {
        return FeatureTables.ids(n);
    }

    @Test
    void blocksHoldEveryRowOnceInIdOrderAndFeedTheRunner() {
        float[][] x = gaussian(1000, 5, 1);
        String path = write("f", ids(1000), x, FeatureTables.SCHEMA);
        JavaRDD<RowBlock> blocks = new ParquetFeatures(path, null, 64).blocks(LocalSpark.session(), 4);
        assertEquals(4, blocks.getNumPartitions());
        double[][] back = new double[1000][];
        for (RowBlock b : blocks.collect()) {
            assertTrue(b.rows().length <= 64);
            for (int i = 0; i < b.rows().length; i++) {
                int id = (int) b.firstRow() + i;
                assertEquals(null, back[id], "row " + id + " twice");
                back[id] = b.rows()[i];
            }
        }
        List<double[][]> local = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            double[] widened = new double[5];
            for (int j = 0; j < 5; j++) widened[j] = x[i][j];
            assertArrayEquals(widened, back[i], 0.0);
            local.add(new double[][]{widened});
        }
        ColumnMomentsMetric m = new ColumnMomentsMetric();
        ColumnMomentsMetric.Params p = new ColumnMomentsMetric.Params(1);
        ColumnMomentsMetric.Result spark = SparkMetricRun.once(m, p, blocks.map(RowBlock::rows));
        assertTrue(ResultAgreement.differences(MetricRun.once(m, p, local), spark, 1e-10).isEmpty());
    }

    @Test
    void badTablesAreNamedUserErrors() {
        SparkSession s = LocalSpark.session();
        float[][] x = gaussian(10, 3, 2);
        long[] gap = ids(10);
        gap[9] = 11;
        String gapPath = write("gap", gap, x, FeatureTables.SCHEMA);
        assertMessage(gapPath, "ids must be 0..9", () -> new ParquetFeatures(gapPath, null, 8).blocks(s, 2));
        long[] twice = ids(10);
        twice[9] = 3;
        String twicePath = write("twice", twice, x, FeatureTables.SCHEMA);
        assertMessage(twicePath, "repeated", () -> new ParquetFeatures(twicePath, null, 8).blocks(s, 2));
        StructType noRow = new StructType().add("id", DataTypes.LongType).add("pool3", DataTypes.createArrayType(DataTypes.FloatType));
        String noRowPath = write("norow", ids(10), x, noRow);
        assertMessage(noRowPath, "no 'row' column", () -> new ParquetFeatures(noRowPath, null, 8).blocks(s, 2));
        assertMessage(gapPath, "no feature column 'emb'", () -> new ParquetFeatures(gapPath, "emb", 8).blocks(s, 2));
        String missing = dir.resolve("absent").toString();
        assertMessage(missing, "cannot read Parquet", () -> new ParquetFeatures(missing, null, 8).blocks(s, 2));

        float[][] ragged = gaussian(10, 3, 3);
        ragged[6] = new float[]{1, 2};
        ragged[2][1] = Float.NaN;
        String raggedPath = write("ragged", ids(10), ragged, FeatureTables.SCHEMA);
        JavaRDD<RowBlock> lazy = new ParquetFeatures(raggedPath, null, 8).blocks(s, 1);
        InputException e = assertThrows(InputException.class, () -> SparkFailures.userErrorsUnwrapped(lazy::collect));
        assertTrue(e.getMessage().startsWith(raggedPath + ": row 2: feature 1 is NaN"), e.getMessage());
    }

    private static void assertMessage(String source, String part, Runnable r) {
        InputException e = assertThrows(InputException.class, r::run);
        assertNotNull(e.source());
        assertTrue(e.getMessage().startsWith(source + ": ") && e.getMessage().contains(part), e.getMessage());
    }
}
