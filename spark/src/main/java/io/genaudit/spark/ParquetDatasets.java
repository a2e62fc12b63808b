package io.genaudit.spark;

import io.genaudit.audits.AuditSpec;
import io.genaudit.audits.plan.DatasetSpec;
import io.genaudit.audits.plan.Plan;
import io.genaudit.audits.PlanException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Resolves a plan's dataset ids to Parquet tables Spark can read: a URI with a scheme ({@code hdfs://},
 * {@code s3a://}, {@code file:/}) as given, a local path relative to the plan's folder when it is a {@code .parquet}
 * file or a folder holding {@code .parquet} files. Anything else (image folders, {@code .npy}, fixtures) is a plan
 * error naming the audit parameter: on Spark, features come as Parquet.
 */
public final class ParquetDatasets {
    private final Plan plan;

    public ParquetDatasets(Plan plan) {
        this.plan = plan;
    }

    /** The Parquet location of the dataset named by {@code spec}'s parameter {@code key}. */
    public String location(AuditSpec spec, String key) {
        String field = spec.params().prefix() + "." + key;
        Object id = spec.params().values().get(key);
        if (!(id instanceof String s)) throw new PlanException(plan.file(), field, "a dataset id (a Parquet feature table) is required on Spark");
        return location(field, s);
    }

    /** The Parquet location of dataset {@code s}, named by plan field {@code field} (for errors). */
    public String location(String field, String s) {
        DatasetSpec ds = plan.datasets().stream().filter(d -> d.id().equals(s)).findFirst()
                .orElseThrow(() -> new PlanException(plan.file(), field, "no dataset '" + s + "'"));
        String path = ds.path();
        if (path.matches("[A-Za-z][A-Za-z0-9+.-]*://.*") || path.startsWith("file:/")) return path;
        if (path.startsWith("fixture:")) throw notParquet(field, ds);
        Path p = plan.baseDir() == null ? Path.of(path) : plan.baseDir().resolve(path);
        if (Files.isRegularFile(p) && p.getFileName().toString().endsWith(".parquet")) return p.toAbsolutePath().toString();
        if (Files.isDirectory(p) && holdsParquet(p)) return p.toAbsolutePath().toString();
        if (!Files.exists(p)) throw new PlanException(plan.file(), field, "dataset '" + s + "': " + p + " does not exist");
        throw notParquet(field, ds);
    }

    private PlanException notParquet(String field, DatasetSpec ds) {
        return new PlanException(plan.file(), field, "dataset '" + ds.id() + "' (" + ds.path() + ") is not a Parquet table; on Spark, "
                + "features are read from Parquet (a long 'row' id 0..N-1 and an array<float> column) and texts too (doc_id + text), see docs/spark.md");
    }

    private static boolean holdsParquet(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(f -> f.getFileName().toString().endsWith(".parquet"));
        } catch (IOException e) {
            return false;
        }
    }
}
