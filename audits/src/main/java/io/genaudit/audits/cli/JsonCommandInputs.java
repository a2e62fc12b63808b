package io.genaudit.audits.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * The part every options-object {@link CommandInputs} shares: the input type it serves, itself as the picocli options
 * object, and {@code --json}. Subclasses add their own options and {@link #open()}.
 *
 * @param <I> the input batch type
 */
abstract class JsonCommandInputs<I> implements CommandInputs<I> {
    private final Class<I> type;

    @Option(names = "--json", paramLabel = "OUT", description = "Write the result as JSON.")
    Path json;

    JsonCommandInputs(Class<I> type) {
        this.type = type;
    }

    @Override
    public final Class<I> inputType() {
        return type;
    }

    @Override
    public final Object options() {
        return this;
    }

    @Override
    public final Path json() {
        return json;
    }
}
