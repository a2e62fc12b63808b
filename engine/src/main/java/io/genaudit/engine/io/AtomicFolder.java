package io.genaudit.engine.io;

import io.genaudit.engine.InputException;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Replaces an output folder all-or-nothing: everything is rendered into a temporary sibling folder, which is then
 * renamed into place. A previous folder is moved aside first and deleted only after the rename succeeded; on any
 * failure the previous folder is put back untouched and the error says so. Only folders genaudit wrote (marked with
 * {@value #MARKER}, or holding nothing but known output names) are ever replaced.
 */
public final class AtomicFolder {
    /** Marker file written into every output folder so a later run knows it may replace the folder. */
    public static final String MARKER = ".genaudit-output";
    /** Output file names of earlier genaudit versions (before the marker): such folders may be replaced too. */
    private static final Set<String> KNOWN_OUTPUTS = Set.of("report.html", "run.json", "junit.xml", "summary.md",
            "emissions.csv", "report.pdf", MARKER);

    private AtomicFolder() {
    }

    /** Renders the folder's content into {@code dir} (an empty temporary folder). */
    @FunctionalInterface
    public interface Renderer {
        void render(Path dir) throws Exception;
    }

    /**
     * Why {@code target} cannot be (re)placed as an output folder, or null when it can: it must not be a file, an
     * existing folder must be one genaudit wrote, and its parent must be a writable folder (or creatable).
     */
    public static String problem(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        if (Files.exists(abs)) {
            if (!Files.isDirectory(abs)) return "exists and is not a folder (an output folder expected)";
            if (!writable(abs)) return "is read-only";
            String foreign = foreignProblem(entries(abs));
            if (foreign != null) return foreign;
        }
        Path parent = abs.getParent();
        if (parent == null) return "cannot be the file-system root";
        Path existing = parent;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null || !Files.isDirectory(existing)) return "its parent " + existing + " is not a folder";
        if (!writable(existing)) return "cannot write into " + existing + " (permission denied)";
        return null;
    }

    /**
     * A new, empty folder in {@code parent} with the process's usual permissions (the umask's, as a plain
     * {@code mkdir} gives), not the owner-only ones of {@link Files#createTempDirectory}: the folder is renamed into
     * place and read by others (CI artefact uploaders, reviewers).
     */
    private static Path newSibling(Path parent, String prefix) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path p = parent.resolve(prefix + ProcessHandle.current().pid() + "-" + Long.toUnsignedString(System.nanoTime(), 36));
            try {
                return Files.createDirectory(p);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt > 100) throw e;
            }
        }
    }

    /**
     * Renders into a temporary sibling of {@code target} and moves it into place. Throws an {@link InputException}
     * (the previous folder left as it was) when the target is unusable or the final rename fails.
     */
    public static void replace(Path target, Renderer renderer) throws Exception {
        Path abs = target.toAbsolutePath().normalize();
        String why = problem(abs);
        if (why != null) throw new InputException(target, why + "; nothing was written");
        Path parent = abs.getParent();
        Files.createDirectories(parent);
        String base = "." + abs.getFileName() + ".";
        Path staging = newSibling(parent, base + "new-");
        try {
            try {
                renderer.render(staging);
            } catch (InputException e) {
                String m = e.getMessage(), prefix = e.source() + ": ";
                throw new InputException(e.source(), (m.startsWith(prefix) ? m.substring(prefix.length()) : m)
                        + " (nothing written: " + untouched(abs) + ")", e);
            } catch (Exception e) {
                throw new IOException("writing the outputs failed (" + e + "); " + untouched(abs), e);
            }
            Files.writeString(staging.resolve(MARKER), "genaudit output folder: replaced as a whole by the next run\n");
            swapInto(staging, abs, parent, base);
        } finally {
            deleteTree(staging);
        }
    }

    private static String untouched(Path target) {
        return Files.exists(target) ? "the previous " + target + " is untouched" : target + " was not created";
    }

    private static void swapInto(Path staging, Path target, Path parent, String base) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = parent.resolve(base + "old-" + Long.toHexString(System.nanoTime()));
            move(target, old);
        }
        try {
            move(staging, target);
        } catch (IOException e) {
            if (old != null) move(old, target);
            throw new InputException(String.valueOf(target), "cannot move the new outputs into place (" + e + "); the previous folder is untouched", e);
        }
        if (old != null) deleteTree(old);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /**
     * Writable for this process, and not marked read-only by its owner (the owner-write bit), which also counts when
     * genaudit runs as root (where access checks ignore permission bits).
     */
    static boolean writable(Path p) {
        if (!Files.isWritable(p)) return false;
        try {
            return Files.getPosixFilePermissions(p).contains(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        } catch (UnsupportedOperationException | IOException e) {
            // no POSIX permission bits here (e.g. a FAT or SMB mount) or they cannot be read: the access check above,
            // which already passed, is then the only answer the file system gives
            return true;
        }
    }

    /**
     * Why an existing folder holding {@code names} (its entries' names) may not be replaced, or null when it may: it
     * carries the {@value #MARKER} marker or holds nothing but genaudit's output names. For folders on any file system.
     */
    public static String foreignProblem(Collection<String> names) {
        if (names.contains(MARKER)) return null;
        List<String> foreign = names.stream().filter(n -> !KNOWN_OUTPUTS.contains(n)).sorted().toList();
        if (foreign.isEmpty()) return null;
        return "holds files genaudit did not write (" + String.join(", ", foreign.subList(0, Math.min(3, foreign.size())))
                + (foreign.size() > 3 ? ", ..." : "") + "); choose a new or empty folder, genaudit replaces its output folder as a whole";
    }

    private static List<String> entries(Path dir) {
        List<String> out = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) out.add(p.getFileName().toString());
        } catch (IOException e) {
            out.add("(unreadable: " + e.getMessage() + ")");
        }
        return out;
    }

    /** Deletes {@code dir} and everything under it; missing is fine. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
