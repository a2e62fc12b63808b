package io.genaudit.audits.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.genaudit.engine.EnvironmentException;
import io.genaudit.engine.InputException;

import java.io.File;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * The exit-code contract applied to a command's failure: what the user must hear and which code the process ends
 * with. User-caused problems (an {@link InputException} anywhere in the cause chain, an unreadable JSON file, a
 * missing or forbidden path) exit 2 with one line naming the file; out-of-memory and every other failure exit 3
 * (with advice for out-of-memory; an {@link EnvironmentException}, a machine that computes wrongly, with its own
 * one-line message and fix instead of the "bug in genaudit" line). Stack traces only with {@code --debug}.
 *
 * @param code    the exit code ({@link ExitCodes#BAD_INPUT} or {@link ExitCodes#INTERNAL})
 * @param message what to print after {@code genaudit: }
 * @param cause   the failure, printed in full with {@code --debug}
 */
public record FailureReport(int code, String message, Throwable cause) {
    /** Advice printed with an out-of-memory failure. */
    static final String MEMORY_ADVICE = "out of memory: give the JVM more heap (JAVA_OPTS=-Xmx16g, or -Xmx with java -jar), "
            + "shrink images (--resize or a smaller extractor input), use smaller batches (--batch / params.batch) or fewer samples";

    /** Classifies {@code failure} (as thrown by a command) under the exit-code contract. */
    public static FailureReport of(Throwable failure) {
        Throwable root = unwrapExecution(failure);
        for (Throwable t = root; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InputException ie) return new FailureReport(ExitCodes.BAD_INPUT, "error: " + ie.getMessage(), root);
        }
        for (Throwable t = root; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EnvironmentException ee) return new FailureReport(ExitCodes.INTERNAL, "error: " + ee.getMessage(), root);
            if (t instanceof OutOfMemoryError) return new FailureReport(ExitCodes.INTERNAL, "error: " + MEMORY_ADVICE, root);
            if (t instanceof StreamReadException || t instanceof MismatchedInputException) {
                return new FailureReport(ExitCodes.BAD_INPUT, "error: " + jsonProblem((com.fasterxml.jackson.core.JacksonException) t), root);
            }
            if (t instanceof FileSystemException fs) {
                return new FailureReport(ExitCodes.BAD_INPUT, "error: " + fileProblem(fs), root);
            }
        }
        StackTraceElement[] st = root.getStackTrace();
        String where = st.length > 0 ? " at " + st[0] : "";
        return new FailureReport(ExitCodes.INTERNAL, "internal error (a bug in genaudit, please report it): " + root + where
                + " (rerun with --debug for the stack trace)", root);
    }

    /** Prints the message (and the stack trace when {@code debug}); returns the exit code. */
    public int print(PrintWriter err, boolean debug) {
        err.println("genaudit: " + message);
        if (debug) cause.printStackTrace(err);
        err.flush();
        return code;
    }

    private static Throwable unwrapExecution(Throwable t) {
        Throwable x = t;
        while (x instanceof picocli.CommandLine.ExecutionException && x.getCause() != null) x = x.getCause();
        return x;
    }

    /** "FILE: not valid JSON (line L, column C): what the parser said", the file taken from the parser's location. */
    static String jsonProblem(com.fasterxml.jackson.core.JacksonException e) {
        JsonLocation loc = e.getLocation();
        String source = "a JSON input";
        if (loc != null && loc.contentReference() != null) {
            Object raw = loc.contentReference().getRawContent();
            if (raw instanceof File f) source = f.getPath();
            else if (raw instanceof Path p) source = p.toString();
        }
        String what = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("");
        String at = loc == null || loc.getLineNr() < 1 ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
        return source + ": not valid JSON or not the expected structure" + at + ": " + what;
    }

    static String fileProblem(FileSystemException e) {
        String file = e.getFile() == null ? "a file" : e.getFile();
        String why;
        if (e instanceof NoSuchFileException) why = "not found";
        else if (e instanceof AccessDeniedException) why = "permission denied";
        else if (e instanceof NotDirectoryException) why = "not a folder";
        else why = e.getReason() == null ? e.getClass().getSimpleName() : e.getReason();
        String other = e.getOtherFile() == null ? "" : " (with " + e.getOtherFile() + ")";
        return file + other + ": " + why;
    }
}
