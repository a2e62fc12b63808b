import io.genaudit.metrics.contract.MetricRun;
import io.genaudit.metrics.fidelity.FeatureBatch;
import io.genaudit.metrics.fidelity.FidMetric;
import io.genaudit.spark.ParquetFeatures;
import io.genaudit.spark.ResultAgreement;
import io.genaudit.spark.SparkFeaturePairs;
import io.genaudit.spark.SparkMetricRun;
import io.genaudit.spark.StandaloneCluster;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * FID on N x D features, single JVM (FidMetric over in-memory 512-row batches) vs Spark reading the same rows from
 * Parquet (end to end: read, range-partition, fold, treeReduce, compute) on local[1], local[2] and a standalone
 * cluster on 127.0.0.1 with 1 and 2 one-core workers (fresh executor JVMs). Prints times, ratios against the single
 * JVM, the per-row overhead, the relative difference of the FID values and the load average after each run.
 * Args: N D DIR [MODE...] (modes: local[K], standalone:WORKERS).
 */
public class SparkFidBench {
    public static void main(String[] a) throws Exception {
        int n = Integer.parseInt(a[0]);
        int d = Integer.parseInt(a[1]);
        Path dir = Path.of(a[2]);
        List<String> modes = a.length > 3 ? Arrays.asList(a).subList(3, a.length) : List.of("local[1]", "local[2]", "standalone:1", "standalone:2");
        double[][] real = rows(n, d, 0, 1);
        double[][] fake = rows(n, d, 0.05, 2);
        String realUri = dir.resolve("real-" + n + "x" + d + ".parquet").toString();
        String fakeUri = dir.resolve("fake-" + n + "x" + d + ".parquet").toString();
        FidMetric fid = new FidMetric();
        FidMetric.Params p = fid.parameters().bind(Map.of("bootstrap", 0), 0L);

        // warm-up on a slice (JIT, OpenBLAS loading), then one timed pass over everything
        MetricRun.once(fid, p, batches(Arrays.copyOf(real, Math.min(n, 2048)), Arrays.copyOf(fake, Math.min(n, 2048))));
        long t = System.nanoTime();
        FidMetric.Result single = MetricRun.once(fid, p, batches(real, fake));
        double singleS = (System.nanoTime() - t) / 1e9;
        System.out.printf("single JVM (in memory, after a warm-up on 2048 rows): FID %.10f in %.2f s; load %s%n", single.value(), singleS, load());
        real = null;
        fake = null;

        for (String mode : modes) {
            StandaloneCluster cluster = null;
            String master = mode;
            SparkSession.Builder b = SparkSession.builder().appName("bench").config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1");
            if (mode.startsWith("standalone:")) {
                int workers = Integer.parseInt(mode.substring("standalone:".length()));
                List<Path> jars = Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                        .filter(e -> e.endsWith(".jar")).map(Path::of).toList();
                List<String> jvm = Arrays.stream(System.getProperty("bench.jvmOptions", "").trim().split("\\s+")).filter(o -> !o.isEmpty()).toList();
                cluster = StandaloneCluster.start(Files.createTempDirectory("bench-spark-home-"), jars, jvm, workers, 1, System.getProperty("bench.workerMemory", "3g"));
                master = cluster.masterUrl();
                b.config("spark.executor.memory", System.getProperty("bench.executorMemory", "2g"))
                        .config("spark.executor.extraClassPath", System.getProperty("bench.executorClassPath"))
                        .config("spark.executor.extraJavaOptions", String.join(" ", jvm));
            }
            SparkSession spark = b.master(master).getOrCreate();
            try {
                if (!Files.exists(Path.of(realUri))) {
                    write(spark, rows(n, d, 0, 1), realUri);
                    write(spark, rows(n, d, 0.05, 2), fakeUri);
                }
                if (cluster != null) waitForExecutors(spark, Integer.parseInt(mode.substring("standalone:".length())));
                int parts = spark.sparkContext().defaultParallelism() * 2;
                t = System.nanoTime();
                JavaRDD<FeatureBatch> batches = SparkFeaturePairs.batches(spark, new ParquetFeatures(realUri, null, 512), new ParquetFeatures(fakeUri, null, 512), parts);
                FidMetric.Result r = SparkMetricRun.once(fid, p, batches);
                double s = (System.nanoTime() - t) / 1e9;
                report(mode + " (" + master + ", " + (cluster == null ? "driver threads" : spark.sparkContext().getExecutorIds().size() + " executors x 1 core")
                                + ", default parallelism " + spark.sparkContext().defaultParallelism() + ") from Parquet, " + parts + " partitions/table",
                        single, singleS, r, s, 2L * n);
            } finally {
                spark.stop();
                if (cluster != null) cluster.close();
            }
        }
    }

    static void waitForExecutors(SparkSession spark, int executors) throws InterruptedException {
        long end = System.nanoTime() + 120_000_000_000L;
        while (spark.sparkContext().getExecutorIds().size() < executors && System.nanoTime() < end) Thread.sleep(200);
    }

    static String load() throws java.io.IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }

    static void report(String what, FidMetric.Result single, double singleS, FidMetric.Result r, double s, long rows) {
        String load;
        try {
            load = load();
        } catch (java.io.IOException e) {
            load = "unknown";
        }
        System.out.printf("%s: FID %.10f in %.2f s; ratio to single JVM %.2fx; overhead %.1f us/row; relative difference %.1e; load %s%n",
                what, r.value(), s, s / singleS, (s - singleS) / rows * 1e6, ResultAgreement.relativeDifference(single.value(), r.value()), load);
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
