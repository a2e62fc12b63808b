package io.genaudit.reports;

/**
 * A {@code run.json} that cannot be read as a run record: not JSON, the wrong shape, or a schema version this
 * genaudit does not read. The message names the file and what was expected versus found; callers (the CLI) treat it
 * as bad input.
 */
public class RunRecordFormatException extends RuntimeException {
    private final String source;

    public RunRecordFormatException(String source, String message, Throwable cause) {
        super(source + ": " + message, cause);
        this.source = source;
    }

    /** The file (or other source) the record came from. */
    public String source() {
        return source;
    }
}
