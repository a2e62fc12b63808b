package io.genaudit.spark;

import io.genaudit.metrics.fidelity.FeatureBatch;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Writes feature tables shaped like real exports (row id + array<float>, shuffled over 3 files) for the tests. */
final class FeatureTables {
    static final StructType SCHEMA = new StructType()
            .add("row", DataTypes.LongType).add("pool3", DataTypes.createArrayType(DataTypes.FloatType));

    private FeatureTables() {
    }

    /** Writes {@code rows} with ids {@code ids[i]} under {@code schema}, shuffled, in 3 files; returns the folder. */
    static String write(Path path, long[] ids, float[][] rows, StructType schema) {
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            Float[] boxed = null;
            if (rows[i] != null) {
                boxed = new Float[rows[i].length];
                for (int j = 0; j < boxed.length; j++) boxed[j] = rows[i][j];
            }
            out.add(RowFactory.create(ids[i], boxed));
        }
        Collections.shuffle(out, new Random(5));
        LocalSpark.session().createDataFrame(LocalSpark.context().parallelize(out, 3), schema).write().parquet(path.toString());
        return path.toString();
    }

    /**
     * A real and a generated table written side by side, with the rows the Parquet reader yields for them.
     *
     * @param real     the real table's folder
     * @param fake     the generated table's folder
     * @param realRows the real rows widened to doubles
     * @param fakeRows the generated rows widened to doubles
     */
    record Pair(String real, String fake, double[][] realRows, double[][] fakeRows) {
        static Pair write(Path dir, float[][] real, float[][] fake) {
            return new Pair(FeatureTables.write(dir.resolve("real.parquet"), real), FeatureTables.write(dir.resolve("fake.parquet"), fake),
                    widened(real), widened(fake));
        }
    }

    /** Rows 0..n-1. */
    static String write(Path path, float[][] rows) {
        return write(path, ids(rows.length), rows, SCHEMA);
    }

    /** Gaussian rows with mean {@code shift}, independent columns of spread 1..d. */
    static float[][] gaussian(int n, int d, double shift, long seed) {
        Random r = new Random(seed);
        float[][] x = new float[n][d];
        for (float[] row : x) for (int j = 0; j < d; j++) row[j] = (float) (shift + (1 + j % 4) * r.nextGaussian());
        return x;
    }

    static long[] ids(int n) {
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) ids[i] = i;
        return ids;
    }

    /** {@code rows} of one side cut into single-JVM batches of {@code size} rows, with their global row ids. */
    static List<FeatureBatch> batches(FeatureBatch.Side side, double[][] rows, int size, String source) {
        List<FeatureBatch> out = new ArrayList<>();
        for (int from = 0; from < rows.length; from += size) {
            out.add(FeatureBatch.rows(side, from, Arrays.copyOfRange(rows, from, Math.min(rows.length, from + size)), source));
        }
        return out;
    }

    /** {@code x} widened to doubles (what the Parquet reader yields for array<float>). */
    static double[][] widened(float[][] x) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = new double[x[i].length];
            for (int j = 0; j < x[i].length; j++) out[i][j] = x[i][j];
        }
        return out;
    }

    /**
     * Writes {@code dir/name}: a plan with one FID audit ({@code fid-gen}) of tables {@code real.parquet} and
     * {@code fake} (relative to {@code dir}), {@code bootstrap} resamples, and {@code gate} (a YAML {@code gate:} line
     * or empty).
     */
    static Path fidPlan(Path dir, String name, String fake, int bootstrap, String gate) throws java.io.IOException {
        Path p = dir.resolve(name);
        java.nio.file.Files.writeString(p, """
                name: fid-plan
                seed: 7
                datasets:
                  - {id: real, path: real.parquet}
                  - {id: gen, path: %s}
                audits:
                  - id: fid-gen
                    metric: fid
                    params: {real: real, fake: gen, bootstrap: %d}
                    %s
                """.formatted(fake, bootstrap, gate));
        return p;
    }
}
