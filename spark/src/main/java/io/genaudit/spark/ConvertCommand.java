package io.genaudit.spark;

import io.genaudit.engine.InputException;
import io.genaudit.engine.io.AtomicFolder;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code SparkAuditMain convert KIND SOURCE --out TABLE}: writes a single-machine dataset ({@code .npy} features, an
 * image folder, a text folder or file) as the Parquet table cluster masters read ({@link ParquetConversion}), with an
 * embedded local Spark; the table folder is written under a temporary name and moved into place.
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Write a local dataset as a Parquet table for Spark cluster masters: features (a .npy matrix -> row + features), "
                + "images (an image folder -> row + bytes), texts (a .txt folder or a text file -> doc_id + text).")
final class ConvertCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "KIND", description = "features, images or texts.")
    String kind;

    @Parameters(index = "1", paramLabel = "SOURCE", description = "The .npy file, image folder, or text folder or file.")
    Path source;

    @Option(names = "--out", required = true, paramLabel = "TABLE", description = "The Parquet table folder to write (replaced atomically).")
    Path out;

    @Option(names = "--master", paramLabel = "URL", defaultValue = "local[*]", description = "A local Spark master (default: ${DEFAULT-VALUE}).")
    String master;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "4", description = "Parquet files to write at most (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--batch", paramLabel = "ROWS", defaultValue = "512", description = "Rows (images, documents) per block (default: ${DEFAULT-VALUE}).")
    int batch;

    private final PrintWriter log;

    ConvertCommand(PrintWriter log) {
        this.log = log;
    }

    @Override
    public Integer call() throws Exception {
        ParquetConversion.Kind k;
        try {
            k = ParquetConversion.Kind.valueOf(kind.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InputException("KIND", "features, images or texts expected, got '" + kind + "'");
        }
        if (partitions < 1 || batch < 1) throw new InputException("--partitions/--batch", "at least 1 expected");
        if (io.genaudit.audits.plan.ExecutionSpec.clusterMaster(master)) {
            throw new InputException("--master", "convert reads local files: give a local master (local[N]), got " + master);
        }
        String outProblem = AtomicFolder.problem(out);
        if (outProblem != null) throw new InputException(String.valueOf(out), outProblem);
        SparkSession spark = SparkSession.builder().appName("genaudit convert").master(master).getOrCreate();
        AtomicFolder.replace(out, staging -> SparkFailures.userErrorsUnwrapped(() -> {
            ParquetConversion.table(spark, k, source.toAbsolutePath().normalize(), batch, partitions)
                    .write().mode("overwrite").parquet(staging.toString());
            return null;
        }));
        log.println("genaudit-spark: wrote " + out + " (" + k.name().toLowerCase(java.util.Locale.ROOT) + " of " + source + ")");
        return 0;
    }
}
