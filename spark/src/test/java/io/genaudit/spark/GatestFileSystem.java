package io.genaudit.spark;

import org.apache.hadoop.fs.RawLocalFileSystem;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.net.URI;

/**
 * A made-up Hadoop file system for the tests, scheme {@code gatest}: {@code gatest:///tmp/x} is the local
 * {@code /tmp/x} ({@link RawLocalFileSystem} under another scheme), registered like a real connector with
 * {@code spark.hadoop.fs.gatest.impl}, so {@code --out} URIs go through Hadoop's FileSystem API without a cloud.
 */
public class GatestFileSystem extends RawLocalFileSystem {
    @Override
    public URI getUri() {
        return URI.create(getScheme() + ":///");
    }

    @Override
    public String getScheme() {
        return "gatest";
    }

    /**
     * Plain statuses: RawLocalFileSystem's own read their permissions lazily through {@code new File(uri)}, which
     * only takes {@code file:} URIs ({@code FileSystem.listFiles} asks for them).
     */
    @Override
    public FileStatus[] listStatus(Path f) throws IOException {
        FileStatus[] all = super.listStatus(f);
        FileStatus[] plain = new FileStatus[all.length];
        for (int i = 0; i < all.length; i++) plain[i] = plain(all[i]);
        return plain;
    }

    @Override
    public FileStatus getFileStatus(Path f) throws IOException {
        return plain(super.getFileStatus(f));
    }

    private static FileStatus plain(FileStatus s) {
        return new FileStatus(s.getLen(), s.isDirectory(), s.getReplication(), s.getBlockSize(), s.getModificationTime(), s.getPath());
    }

    /** Scheme {@code gafail}: the same local files, but every file creation fails as a store refusing writes would. */
    public static class RefusingWrites extends GatestFileSystem {
        @Override
        public String getScheme() {
            return "gafail";
        }

        /** Whether creating {@code f} fails. */
        protected boolean refuses(Path f) {
            return true;
        }

        @Override
        public org.apache.hadoop.fs.FSDataOutputStream create(Path f, boolean overwrite, int bufferSize,
                                                              short replication, long blockSize, org.apache.hadoop.util.Progressable progress)
                throws java.io.IOException {
            if (refuses(f)) throw new org.apache.hadoop.security.AccessControlException("Permission denied: " + f);
            return super.create(f, overwrite, bufferSize, replication, blockSize, progress);
        }

        @Override
        public org.apache.hadoop.fs.FSDataOutputStream create(Path f, org.apache.hadoop.fs.permission.FsPermission permission,
                                                              boolean overwrite, int bufferSize, short replication, long blockSize,
                                                              org.apache.hadoop.util.Progressable progress) throws java.io.IOException {
            if (refuses(f)) throw new org.apache.hadoop.security.AccessControlException("Permission denied: " + f);
            return super.create(f, permission, overwrite, bufferSize, replication, blockSize, progress);
        }
    }

    /**
     * Scheme {@code galate}: refuses to create files whose names do not start with a dot, so the early write probe (a
     * hidden file) passes and the copy of the outputs fails, as a store whose permissions changed during the run.
     */
    public static class RefusingLateWrites extends RefusingWrites {
        @Override
        public String getScheme() {
            return "galate";
        }

        @Override
        protected boolean refuses(Path f) {
            return !f.getName().startsWith(".");
        }
    }
}
