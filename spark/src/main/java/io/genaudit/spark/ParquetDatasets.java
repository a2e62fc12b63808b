package io.genaudit.spark;

import io.genaudit.audits.AuditSpec;
import io.genaudit.audits.plan.DatasetSpec;
import io.genaudit.audits.plan.ExecutionSpec;
import io.genaudit.audits.plan.Plan;
import io.genaudit.audits.PlanException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Resolves a plan's dataset ids to what Spark reads: a URI with a scheme ({@code hdfs://}, {@code s3a://},
 * {@code file:/}) as a Parquet table, a local path relative to the plan's folder as a Parquet table when it is a
 * {@code .parquet} file or a folder holding {@code .parquet} files. Other local files and folders ({@code .npy},
 * {@code .npz}, image and text folders) are read as the single-machine plan reads them when the master is local
 * ({@code local[N]}, {@code local-cluster[...]}: the executors see the driver's files); with a cluster master they are
 * a plan error naming the audit parameter and saying to convert them to Parquet. Fixture datasets are plan errors.
 */
public final class ParquetDatasets {
    private final Plan plan;
    private final String master;

    /** The datasets of {@code plan} for a run on {@code master} (a Spark master URL). */
    public ParquetDatasets(Plan plan, String master) {
        this.plan = plan;
        this.master = master;
    }

    /** The dataset named by {@code spec}'s parameter {@code key}. */
    public DatasetInput input(AuditSpec spec, String key) {
        String field = spec.params().prefix() + "." + key;
        Object id = spec.params().values().get(key);
        if (!(id instanceof String s)) throw new PlanException(plan.file(), field, "a dataset id (a Parquet table) is required on Spark");
        return input(field, s);
    }

    /** Dataset {@code s}, named by plan field {@code field} (for errors). */
    public DatasetInput input(String field, String s) {
        DatasetSpec ds = plan.datasets().stream().filter(d -> d.id().equals(s)).findFirst()
                .orElseThrow(() -> new PlanException(plan.file(), field, "no dataset '" + s + "'"));
        String path = ds.path();
        if (path.matches("[A-Za-z][A-Za-z0-9+.-]*://.*") || path.startsWith("file:/")) return new DatasetInput(s, path, true);
        if (path.startsWith("fixture:")) {
            throw new PlanException(plan.file(), field, "dataset '" + s + "' (" + path + ") is a fixture; on Spark, give a Parquet table or a local file or folder");
        }
        Path p = plan.baseDir() == null ? Path.of(path) : plan.baseDir().resolve(path);
        String abs = p.toAbsolutePath().normalize().toString();
        if (Files.isRegularFile(p) && p.getFileName().toString().endsWith(".parquet")) return new DatasetInput(s, abs, true);
        if (Files.isDirectory(p) && holdsParquet(p)) return new DatasetInput(s, abs, true);
        if (!Files.exists(p)) throw new PlanException(plan.file(), field, "dataset '" + s + "': " + p + " does not exist");
        if (ExecutionSpec.clusterMaster(master)) {
            throw new PlanException(plan.file(), field, "dataset '" + s + "' (" + path + ") is a local " + (Files.isDirectory(p) ? "folder" : "file")
                    + ", which executors of the cluster master " + master + " cannot read; convert it to a Parquet table "
                    + "(SparkAuditMain convert features|images|texts SOURCE --out TABLE; see docs/spark.md)");
        }
        return new DatasetInput(s, abs, false);
    }

    private static boolean holdsParquet(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(f -> f.getFileName().toString().endsWith(".parquet"));
        } catch (IOException e) {
            return false;
        }
    }
}
