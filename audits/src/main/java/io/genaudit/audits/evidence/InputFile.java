package io.genaudit.audits.evidence;

import io.genaudit.engine.InputException;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a file the user named (run record, plan, key, bundle) with one wording for what goes wrong: a missing file is
 * an {@link InputException} saying what was expected there, any other I/O failure one saying it cannot be read.
 */
final class InputFile {
    /** A read that may fail with an I/O error. */
    @FunctionalInterface
    interface Read<T> {
        T read() throws IOException;
    }

    private InputFile() {
    }

    /** What {@code read} returns; {@code missing} says what was not found at {@code file} (e.g. "plan file not found"). */
    static <T> T read(Path file, String missing, Read<T> read) {
        try {
            return read.read();
        } catch (NoSuchFileException e) {
            throw new InputException(file, missing);
        } catch (IOException e) {
            throw new InputException(file, "cannot be read: " + e.getMessage());
        }
    }
}
