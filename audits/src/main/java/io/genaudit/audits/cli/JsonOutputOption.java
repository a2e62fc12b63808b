package io.genaudit.audits.cli;

import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;

/** The {@code --json OUT} option of the commands that can also write what they print as JSON (a picocli mixin). */
public final class JsonOutputOption {
    @Option(names = "--json", paramLabel = "OUT", description = "Also write the result as JSON.")
    Path json;

    /** Writes {@code result} to the {@code --json} file, atomically; nothing without the option. */
    void write(Object result) throws IOException {
        JsonOutput.write(json, result);
    }
}
