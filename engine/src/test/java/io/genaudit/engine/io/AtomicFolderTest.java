package io.genaudit.engine.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.*;

/** {@link AtomicFolder}: all-or-nothing replacement, and a folder others can read as a plain mkdir would make it. */
class AtomicFolderTest {
    @Test
    void replacesTheWholeFolderWithUsualPermissions(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("run");
        AtomicFolder.replace(out, dir -> Files.writeString(dir.resolve("a.txt"), "one"));
        AtomicFolder.replace(out, dir -> Files.writeString(dir.resolve("b.txt"), "two"));
        assertFalse(Files.exists(out.resolve("a.txt")), "the previous run's files go with the folder");
        assertEquals("two", Files.readString(out.resolve("b.txt")));
        assertTrue(Files.isRegularFile(out.resolve(AtomicFolder.MARKER)));
        Path plain = Files.createDirectory(tmp.resolve("plain"));
        assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(out)), "permissions of a plain mkdir, not owner-only");
        try (var s = Files.list(tmp)) {
            assertEquals(2, s.count(), "no staging folder left behind");
        }
    }

    @Test
    void aFailedRenderLeavesThePreviousFolderUntouched(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("run");
        AtomicFolder.replace(out, dir -> Files.writeString(dir.resolve("a.txt"), "one"));
        assertThrows(IOException.class, () -> AtomicFolder.replace(out, dir -> {
            Files.writeString(dir.resolve("a.txt"), "half");
            throw new IllegalStateException("renderer broke");
        }));
        assertEquals("one", Files.readString(out.resolve("a.txt")));
        try (var s = Files.list(tmp)) {
            assertEquals(1, s.count(), "no staging folder left behind");
        }
    }
}
