package io.genaudit.audits.cli;

import java.nio.file.Path;

/**
 * One hostile input or fault for the command line: how to build it in an empty folder, the arguments to run, and
 * what must happen: the exit code and a fragment of the one-line message.
 *
 * @param category images, features, text, models, plans, outputs or faults
 * @param name     what is wrong, in a few words
 * @param setup    writes the inputs into the case folder and returns the command-line arguments
 * @param code     the expected exit code
 * @param fragment a piece of text the error output must contain
 */
record HostileCase(String category, String name, Setup setup, int code, String fragment) {
    /** Builds a case's inputs. */
    @FunctionalInterface
    interface Setup {
        String[] args(Path dir) throws Exception;
    }

    @Override
    public String toString() {
        return category + ": " + name;
    }
}
