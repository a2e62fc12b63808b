package io.genaudit.spark;

import java.nio.file.Path;

/**
 * A plan dataset as genaudit-spark reads it: a Parquet table (local, {@code hdfs://}, {@code s3a://}) or, with a local
 * master whose executors see the driver's files, a local file or folder the single-machine plan reads (a {@code .npy}
 * or {@code .npz} feature file, an image folder, a text folder or file).
 *
 * @param id       the plan's dataset id
 * @param location the Parquet location, or the local file or folder's absolute path
 * @param parquet  whether {@code location} is a Parquet table
 */
public record DatasetInput(String id, String location, boolean parquet) {
    /** The local file or folder (not for Parquet tables, which may live on another file system). */
    public Path path() {
        if (parquet) throw new IllegalStateException(id + " is a Parquet table, not a local file");
        return Path.of(location);
    }
}
