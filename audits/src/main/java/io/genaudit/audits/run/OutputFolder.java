package io.genaudit.audits.run;

import io.genaudit.engine.io.AtomicFolder;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Where a run's outputs go: one folder, replaced as a whole. A local folder is {@link AtomicFolder} (rendered into a
 * temporary sibling, renamed into place); the Spark engine adds folders on any Hadoop file system ({@code s3a://},
 * {@code hdfs://}), rendered locally and copied there. Both engines write through {@link RunOutputs} into one of these.
 */
public interface OutputFolder {
    /** A URI scheme of two or more letters ({@code s3a:}, {@code hdfs:}; not a Windows drive letter). */
    Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]+):.*");

    /** The folder as the user named it (a path or a URI), for messages. */
    String location();

    /** Renders the outputs with {@code renderer} into an empty temporary folder, then puts them in place, all or nothing. */
    void replace(AtomicFolder.Renderer renderer) throws Exception;

    /** A folder on this machine's file system. */
    static OutputFolder local(Path dir) {
        return new OutputFolder() {
            @Override
            public String location() {
                return dir.toString();
            }

            @Override
            public void replace(AtomicFolder.Renderer renderer) throws Exception {
                AtomicFolder.replace(dir, renderer);
            }
        };
    }

    /**
     * The scheme of {@code location} when it is a URI naming another file system than this machine's ({@code s3a},
     * {@code hdfs}, ...), else null (a plain path, or a {@code file:} URI).
     */
    static String remoteScheme(String location) {
        var m = SCHEME.matcher(location);
        if (!m.matches() || m.group(1).equalsIgnoreCase("file")) return null;
        return m.group(1);
    }
}
