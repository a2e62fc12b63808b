import io.genaudit.metrics.contract.MetricRun;
import io.genaudit.metrics.fidelity.FeatureBatch;
import io.genaudit.metrics.fidelity.PrdcMetric;
import io.genaudit.spark.ParquetFeatures;
import io.genaudit.spark.ResultAgreement;
import io.genaudit.spark.SparkFeaturePairs;
import io.genaudit.spark.SparkMetricRun;
import io.genaudit.spark.SparkPrdcTiles;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * PRDC (k = 5, no intervals) on N x D features: the single JVM (PrdcMetric over in-memory 512-row batches) vs Spark
 * from Parquet on one master, tiled over the executors (SparkPrdcTiles) and gathered on the driver (the contract state
 * through SparkMetricRun). Prints times, the load average and whether each result equals the single JVM's.
 * Args: N D DIR MASTER BLOCK_ROWS PARTITIONS. Shares the table writer of SparkFidBench (same folder).
 */
public class SparkPrdcBench {
    public static void main(String[] a) throws Exception {
        int n = Integer.parseInt(a[0]);
        int d = Integer.parseInt(a[1]);
        Path dir = Path.of(a[2]);
        int block = Integer.parseInt(a[4]);
        int parts = Integer.parseInt(a[5]);
        double[][] real = SparkFidBench.rows(n, d, 0, 1);
        double[][] fake = SparkFidBench.rows(n, d, 0.05, 2);
        String realUri = dir.resolve("real-" + n + "x" + d + ".parquet").toString();
        String fakeUri = dir.resolve("fake-" + n + "x" + d + ".parquet").toString();
        PrdcMetric prdc = new PrdcMetric();
        PrdcMetric.Params p = prdc.parameters().bind(Map.of("k", 5, "bootstrap", 0), 0L);

        long t = System.nanoTime();
        PrdcMetric.Result single = MetricRun.once(prdc, p, SparkFidBench.batches(real, fake));
        System.out.printf("single JVM (in memory): %s in %.2f s; load %s%n", java.util.Arrays.toString(single.values()), (System.nanoTime() - t) / 1e9, SparkFidBench.load());

        SparkSession spark = SparkSession.builder().appName("bench-prdc").master(a[3]).config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1").getOrCreate();
        try {
            if (!Files.exists(Path.of(realUri))) {
                SparkFidBench.write(spark, real, realUri);
                SparkFidBench.write(spark, fake, fakeUri);
            }
            for (String route : new String[]{"tiled", "gathered"}) {
                t = System.nanoTime();
                JavaRDD<FeatureBatch> batches = SparkFeaturePairs.batches(spark, new ParquetFeatures(realUri, null, block),
                        new ParquetFeatures(fakeUri, null, block), parts);
                PrdcMetric.Result r = route.equals("tiled") ? SparkPrdcTiles.compute(batches, p) : SparkMetricRun.once(prdc, p, batches);
                System.out.printf("%s %s, %d-row blocks, %d partitions/table: %.2f s; equal to the single JVM: %s; load %s%n", a[3], route, block, parts,
                        (System.nanoTime() - t) / 1e9, ResultAgreement.differences(single, r, 0.0).isEmpty(), SparkFidBench.load());
            }
        } finally {
            spark.stop();
        }
    }
}
