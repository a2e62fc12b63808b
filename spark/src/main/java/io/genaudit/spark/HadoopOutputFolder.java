package io.genaudit.spark;

import io.genaudit.audits.run.OutputFolder;
import io.genaudit.engine.InputException;
import io.genaudit.engine.io.AtomicFolder;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code --out} on a Hadoop file system ({@code s3a://bucket/runs/x}, {@code hdfs:///runs/x}, any scheme the Hadoop
 * configuration maps to an implementation). The outputs are rendered into a local temporary folder exactly as for a
 * local {@code --out} ({@link AtomicFolder}), copied to a hidden sibling {@code .NAME.tmp-UUID}, and renamed into
 * place; a previous folder (only one genaudit wrote) is renamed aside first and deleted only once the new one is in
 * place, and renamed back if that fails. {@value #SUCCESS} is written last. On HDFS the renames are atomic; on object
 * stores (S3) a rename is a copy and a delete, so the replacement is not atomic: a reader should take the folder as
 * complete only when it holds {@value #SUCCESS}.
 */
final class HadoopOutputFolder implements OutputFolder {
    /** Written into the folder after everything else: the folder is complete. */
    static final String SUCCESS = "_SUCCESS";

    private final String uri;
    private final FileSystem fs;
    private final Path target;

    private HadoopOutputFolder(String uri, FileSystem fs, Path target) {
        this.uri = uri;
        this.fs = fs;
        this.target = target;
    }

    /**
     * The output folder {@code uri} on {@code fs}'s file system, checked before any work: a user error naming the URI
     * when the file system cannot be reached, the path is a file, an existing folder holds files genaudit did not
     * write, or a probe file cannot be written beside it.
     */
    static HadoopOutputFolder open(String uri, FileSystem fs) {
        Path target = fs.makeQualified(new Path(uri));
        if (target.getParent() == null) throw new InputException(uri, "cannot be the file system's root; name a folder below it");
        HadoopOutputFolder folder = new HadoopOutputFolder(uri, fs, target);
        try {
            String why = folder.problem();
            if (why != null) throw new InputException(uri, why + "; nothing was written");
        } catch (IOException | RuntimeException e) {
            if (e instanceof InputException ie) throw ie;
            throw new InputException(uri, "cannot be read (" + HadoopFiles.message(e) + "); nothing was written");
        }
        folder.probeWrite();
        return folder;
    }

    /**
     * Creates and deletes a hidden empty file in the target's parent folder (created if missing), as the final copy
     * will write there: a store that refuses writes is a user error naming the URI before any audit runs, not after.
     */
    private void probeWrite() {
        Path parent = target.getParent();
        Path probe = new Path(parent, "." + target.getName() + ".probe-" + UUID.randomUUID());
        try {
            fs.mkdirs(parent);
            fs.create(probe, false).close();
            if (!fs.delete(probe, false)) throw new IOException("cannot delete the probe file " + probe);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(probe);
            throw new InputException(uri, "cannot write there (" + HadoopFiles.message(e) + "; checked by writing " + probe
                    + " before any audit ran); nothing was written");
        }
    }

    @Override
    public String location() {
        return uri;
    }

    private String problem() throws IOException {
        FileStatus st;
        try {
            st = fs.getFileStatus(target);
        } catch (java.io.FileNotFoundException e) {
            return null;
        }
        if (!st.isDirectory()) return "exists and is not a folder (an output folder expected)";
        List<String> names = new ArrayList<>();
        for (FileStatus f : fs.listStatus(target)) {
            if (!f.getPath().getName().equals(SUCCESS)) names.add(f.getPath().getName());
        }
        return AtomicFolder.foreignProblem(names);
    }

    @Override
    public void replace(AtomicFolder.Renderer renderer) throws Exception {
        java.nio.file.Path local = Files.createTempDirectory("genaudit-out-");
        java.nio.file.Path rendered = local.resolve(target.getName());
        try {
            AtomicFolder.replace(rendered, renderer);
        } catch (Exception e) {
            AtomicFolder.deleteTree(local);
            throw e;
        }
        Path parent = target.getParent();
        String id = UUID.randomUUID().toString();
        Path staging = new Path(parent, "." + target.getName() + ".tmp-" + id);
        try {
            String why = problem();
            if (why != null) throw new InputException(uri, why + " (changed during the run); nothing was written, the outputs are kept in " + rendered);
            fs.mkdirs(parent);
            fs.copyFromLocalFile(false, true, new Path(rendered.toUri()), staging);
            swapInto(staging, new Path(parent, "." + target.getName() + ".old-" + id));
        } catch (IOException | RuntimeException e) {
            if (e instanceof InputException ie) throw ie;
            deleteQuietly(staging);
            throw new InputException(uri, "cannot write the outputs there (" + HadoopFiles.message(e) + "); "
                    + (exists(target) ? "the previous folder is untouched" : "nothing was written") + ", the outputs are kept in " + rendered);
        }
        AtomicFolder.deleteTree(local);
    }

    /** Moves the copied folder into place (a previous one aside first, back on failure), then writes {@value #SUCCESS}. */
    private void swapInto(Path staging, Path old) throws IOException {
        boolean hadOld = fs.exists(target);
        if (hadOld && !fs.rename(target, old)) throw new IOException("cannot rename the previous folder aside to " + old);
        boolean moved;
        try {
            moved = fs.rename(staging, target);
        } catch (IOException e) {
            moved = false;
        }
        if (!moved) {
            if (hadOld && !fs.rename(old, target)) throw new IOException("cannot rename " + staging + " into place, nor the previous folder back from " + old);
            throw new IOException("cannot rename " + staging + " into place");
        }
        try {
            fs.create(new Path(target, SUCCESS), true).close();
        } catch (IOException e) {
            throw new InputException(uri, "the new outputs are in place but " + SUCCESS + " could not be written (" + HadoopFiles.message(e)
                    + ")" + (hadOld ? "; the previous folder is kept as " + old : ""));
        }
        if (hadOld) fs.delete(old, true);
    }

    private boolean exists(Path p) {
        try {
            return fs.exists(p);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private void deleteQuietly(Path p) {
        try {
            fs.delete(p, true);
        } catch (IOException | RuntimeException e) {
            // the error being reported matters more than a leftover hidden folder
        }
    }
}
