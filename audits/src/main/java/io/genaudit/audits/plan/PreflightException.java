package io.genaudit.audits.plan;

import io.genaudit.engine.InputException;

import java.util.List;
import java.util.stream.Collectors;

/** Several input problems found by the preflight, reported together (exit 2), each naming its file and field. */
public final class PreflightException extends InputException {
    private final List<InputException> problems;

    public PreflightException(List<InputException> problems) {
        super(problems.get(0).source(), problems.size() + " problems found before any work was done:\n"
                + problems.stream().map(p -> "  - " + p.getMessage()).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<InputException> problems() {
        return problems;
    }

    /** Starts the message with the problem count rather than the first problem's file. */
    @Override
    public String getMessage() {
        String m = super.getMessage();
        String prefix = source() + ": ";
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }
}
