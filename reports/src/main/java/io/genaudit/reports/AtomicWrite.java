package io.genaudit.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a report file all-or-nothing (temporary file beside the target, then a move), so a crash never leaves a
 * half-written report; the reports module's own copy of the engine's AtomicFiles, since reports does not depend on it.
 */
public final class AtomicWrite {
    private AtomicWrite() {
    }

    /** Writes {@code text} as UTF-8 to {@code target}, replacing it atomically where the file system allows. */
    public static void writeString(Path target, String text) throws IOException {
        writeBytes(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code bytes} to {@code target}, replacing it atomically where the file system allows. */
    public static void writeBytes(Path target, byte[] bytes) throws IOException {
        // temp files are created owner-only; reports are meant to be read (served, attached to CI) like any file
        write(target, bytes, "rw-r--r--");
    }

    /** Writes {@code text} readable by its owner only (a private key), replacing {@code target} atomically. */
    public static void writePrivate(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8), "rw-------");
    }

    private static void write(Path target, byte[] bytes, String permissions) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            if (Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString(permissions));
            }
            try (OutputStream out = Files.newOutputStream(tmp)) {
                out.write(bytes);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
