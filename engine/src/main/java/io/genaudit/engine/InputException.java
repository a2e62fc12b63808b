package io.genaudit.engine;

import java.nio.file.Path;

/**
 * Bad input from the user: a missing or unreadable file, a malformed array, a model that breaks its declared
 * contract. The CLI maps it to exit code 2; the message always names the file (or plan field) and what was expected.
 */
public class InputException extends RuntimeException {
    private final String source;

    public InputException(String source, String message) {
        super(source + ": " + message);
        this.source = source;
    }

    public InputException(Path file, String message) {
        this(String.valueOf(file), message);
    }

    public InputException(String source, String message, Throwable cause) {
        super(source + ": " + message, cause);
        this.source = source;
    }

    /** The file, plan field or model id the problem is in. */
    public String source() {
        return source;
    }
}
