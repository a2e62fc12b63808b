package io.genaudit.metrics.energy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads one sysfs attribute as trimmed text. Injectable so tests can simulate a counter that exists but is not
 * readable (as root, chmod does not block reads).
 */
@FunctionalInterface
public interface SysfsReader {
    String read(Path file) throws IOException;

    /** Reads the real file. */
    static SysfsReader files() {
        return file -> Files.readString(file, StandardCharsets.US_ASCII).strip();
    }
}
