package io.genaudit.audits.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Runs the {@code genaudit} command line in-process for tests and captures what it wrote to stderr, so that tests can
 * assert on both the exit code and the error message.
 *
 * @param code the exit code
 * @param err  everything the command wrote to its error stream
 */
record CliRun(int code, String err) {
    /** Executes {@code genaudit ARGS}, capturing stderr (and echoing it to {@link System#err} when {@code echo}). */
    static CliRun execute(boolean echo, String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter sw = new StringWriter();
        cl.setErr(new PrintWriter(sw, true));
        int code = cl.execute(args);
        String err = sw.toString();
        if (echo) System.err.print(err);
        return new CliRun(code, err);
    }
}
