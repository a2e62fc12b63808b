package io.genaudit.audits.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

/**
 * What the command-line tests share: a temporary folder, {@link #run} executing {@code genaudit ARGS} in-process
 * (keeping its stderr in {@link #err} for the message assertions) and reading a {@code --json} output.
 */
abstract class CommandLineTest {
    @TempDir
    Path dir;

    /** What the last {@link #run} wrote to stderr. */
    String err;

    private final boolean echo;

    /** @param echo whether each run's stderr is also printed (for tests whose log is worth reading) */
    CommandLineTest(boolean echo) {
        this.echo = echo;
    }

    /** Executes {@code genaudit ARGS}; the exit code. */
    int run(String... args) {
        CliRun r = CliRun.execute(echo, args);
        err = r.err();
        return r.code();
    }

    /** A JSON file a command wrote. */
    static JsonNode json(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile());
    }
}
