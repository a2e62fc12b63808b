package io.genaudit.spark;

import io.genaudit.engine.InputException;
import io.genaudit.engine.io.Sha256;
import io.genaudit.reports.FileDigest;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SHA-256 of the tables a Spark run reads, by the single JVM's definition ({@link Sha256#of}: a file's content, or a
 * folder's counted files in sorted order, path and content), so {@code data_sha256} means the same on both engines and a
 * comparison or baseline gate refuses other data. Tables on a Hadoop file system ({@code s3a://}, {@code hdfs://}) are
 * read through it; each table once per run, on the driver (one sequential read of its bytes).
 */
final class TableDigests {
    private final Configuration conf;
    private final Map<String, FileDigest> known = new LinkedHashMap<>();

    TableDigests(Configuration conf) {
        this.conf = conf;
    }

    /** The SHA-256 of the table at {@code location} (a local path or a URI). */
    synchronized String sha256(String location) {
        FileDigest d = known.get(location);
        if (d == null) {
            try {
                d = Locations.isLocal(location) ? local(location) : remote(location);
            } catch (IOException e) {
                throw new InputException(location, "cannot be read to record its SHA-256: " + HadoopFiles.message(e));
            }
            known.put(location, d);
        }
        return d.sha256();
    }

    /** The tables digested so far, for the run's provenance (role {@code data}). */
    synchronized List<FileDigest> files() {
        return List.copyOf(known.values());
    }

    private static FileDigest local(String location) throws IOException {
        java.nio.file.Path p = Locations.localPath(location);
        long bytes;
        try (var s = java.nio.file.Files.walk(p)) {
            bytes = s.filter(java.nio.file.Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
        return new FileDigest("data", location, bytes, Sha256.of(p));
    }

    private FileDigest remote(String location) throws IOException {
        FileSystem fs = HadoopFiles.fileSystem(location, conf);
        Path root = fs.getFileStatus(new Path(location)).getPath();
        if (fs.getFileStatus(root).isFile()) {
            return new FileDigest("data", location, fs.getFileStatus(root).getLen(), Sha256.ofContent(() -> fs.open(root)));
        }
        List<FileStatus> files = new ArrayList<>();
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
        while (it.hasNext()) {
            LocatedFileStatus f = it.next();
            if (Sha256.counts(f.getPath().getName())) files.add(f);
        }
        String prefix = root.toUri().getPath().endsWith("/") ? root.toUri().getPath() : root.toUri().getPath() + "/";
        List<Sha256.Member> members = new ArrayList<>();
        long bytes = 0;
        for (FileStatus f : files) {
            members.add(new Sha256.Member(f.getPath().toUri().getPath().substring(prefix.length()), () -> fs.open(f.getPath())));
            bytes += f.getLen();
        }
        members.sort(Comparator.comparing(Sha256.Member::relative));
        return new FileDigest("data", location, bytes, Sha256.ofFolder(members));
    }
}
