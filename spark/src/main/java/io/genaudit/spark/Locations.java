package io.genaudit.spark;

import io.genaudit.audits.run.OutputFolder;

import java.net.URI;
import java.nio.file.Path;

/**
 * Locations a Spark run reads or writes, as the user gives them: a local path, a {@code file:} URI (both on the
 * driver's file system), or a URI of another Hadoop file system ({@code s3a://}, {@code hdfs://}).
 */
final class Locations {
    private Locations() {
    }

    /** Whether {@code location} is on the driver's own file system (a path or a {@code file:} URI). */
    static boolean isLocal(String location) {
        return OutputFolder.remoteScheme(location) == null;
    }

    /** The driver-side path of a {@link #isLocal local} location. */
    static Path localPath(String location) {
        return OutputFolder.SCHEME.matcher(location).matches() ? Path.of(URI.create(location)) : Path.of(location);
    }
}
