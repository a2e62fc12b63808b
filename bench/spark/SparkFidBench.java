import io.genaudit.metrics.contract.MetricRun;
import io.genaudit.metrics.fidelity.FeatureBatch;
import io.genaudit.metrics.fidelity.FidMetric;
import io.genaudit.spark.ParquetFeatures;
import io.genaudit.spark.ResultAgreement;
import io.genaudit.spark.SparkFeaturePairs;
import io.genaudit.spark.SparkMetricRun;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * FID on N x D features, single JVM (FidMetric over in-memory 512-row batches) vs Spark local[1] / local[2] reading
 * the same rows from Parquet (end to end: read, range-partition, fold, treeReduce, compute) and vs Spark over batches
 * already cached in executor memory (the distributed fold and merge alone). Prints times, ratios against the single
 * JVM, the per-row overhead and the relative difference of the FID values. Args: N D DIR.
 */
public class SparkFidBench {
    public static void main(String[] a) throws Exception {
        int n = Integer.parseInt(a[0]);
        int d = Integer.parseInt(a[1]);
        Path dir = Path.of(a[2]);
        double[][] real = rows(n, d, 0, 1);
        double[][] fake = rows(n, d, 0.05, 2);
        String realUri = dir.resolve("real-" + n + "x" + d + ".parquet").toString();
        String fakeUri = dir.resolve("fake-" + n + "x" + d + ".parquet").toString();
        FidMetric fid = new FidMetric();
        FidMetric.Params p = fid.parameters().bind(Map.of("bootstrap", 0), 0L);

        // best of 2: the first run also pays JIT compilation and loading OpenBLAS
        FidMetric.Result single = null;
        double singleS = Double.MAX_VALUE;
        long t;
        for (int rep = 0; rep < 2; rep++) {
            t = System.nanoTime();
            single = MetricRun.once(fid, p, batches(real, fake));
            singleS = Math.min(singleS, (System.nanoTime() - t) / 1e9);
        }
        System.out.printf("single JVM (in memory, best of 2): FID %.10f in %.2f s%n", single.value(), singleS);

        for (String master : new String[]{"local[1]", "local[2]"}) {
            SparkSession spark = SparkSession.builder().master(master).appName("bench").config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1").getOrCreate();
            if (!Files.exists(Path.of(realUri))) {
                write(spark, real, realUri);
                write(spark, fake, fakeUri);
            }
            int parts = spark.sparkContext().defaultParallelism() * 2;
            t = System.nanoTime();
            JavaRDD<FeatureBatch> b = SparkFeaturePairs.batches(spark, new ParquetFeatures(realUri, null, 512), new ParquetFeatures(fakeUri, null, 512), parts);
            FidMetric.Result r = SparkMetricRun.once(fid, p, b);
            double s = (System.nanoTime() - t) / 1e9;
            report(master + " from Parquet, " + parts + " partitions/table", single, singleS, r, s, 2L * n);
            JavaRDD<FeatureBatch> cached = b.persist(StorageLevel.MEMORY_ONLY());
            cached.count();
            t = System.nanoTime();
            r = SparkMetricRun.once(fid, p, cached);
            s = (System.nanoTime() - t) / 1e9;
            report(master + " cached batches", single, singleS, r, s, 2L * n);
            cached.unpersist(true);
            spark.stop();
        }
    }

    static void report(String what, FidMetric.Result single, double singleS, FidMetric.Result r, double s, long rows) {
        System.out.printf("%s: FID %.10f in %.2f s; ratio to single JVM %.2fx; overhead %.1f us/row; relative difference %.1e%n",
                what, r.value(), s, s / singleS, (s - singleS) / rows * 1e6, ResultAgreement.relativeDifference(single.value(), r.value()));
    }

    static double[][] rows(int n, int d, double shift, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] x = new double[n][d];
        for (double[] row : x) for (int j = 0; j < d; j++) row[j] = (float) (shift + (1 + j % 4) * rnd.nextGaussian());
        return x;
    }

    static List<FeatureBatch> batches(double[][] real, double[][] fake) {
        List<FeatureBatch> out = new ArrayList<>();
        for (int from = 0; from < real.length; from += 512) {
            out.add(FeatureBatch.rows(FeatureBatch.Side.REAL, from, Arrays.copyOfRange(real, from, Math.min(real.length, from + 512)), "real"));
        }
        for (int from = 0; from < fake.length; from += 512) {
            out.add(FeatureBatch.rows(FeatureBatch.Side.FAKE, from, Arrays.copyOfRange(fake, from, Math.min(fake.length, from + 512)), "fake"));
        }
        return out;
    }

    static void write(SparkSession spark, double[][] x, String uri) {
        List<Row> rows = new ArrayList<>(x.length);
        for (int i = 0; i < x.length; i++) {
            Float[] f = new Float[x[i].length];
            for (int j = 0; j < f.length; j++) f[j] = (float) x[i][j];
            rows.add(RowFactory.create((long) i, f));
        }
        StructType schema = new StructType().add("row", DataTypes.LongType).add("features", DataTypes.createArrayType(DataTypes.FloatType));
        spark.createDataFrame(JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, 8), schema).write().parquet(uri);
    }
}
