package io.genaudit.audits.plan;

import io.genaudit.audits.PlanException;
import io.genaudit.engine.InputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Collects the input problems of a preflight (plan parsing, model options, paths, output targets) so they are all
 * reported together, not one per attempt. Plan errors without a line get it from the plan's field-to-line map.
 */
public final class Problems {
    private final List<InputException> found = new ArrayList<>();
    private final Map<String, Integer> lines = new java.util.HashMap<>();

    /** @param lines the plan's field paths and their lines (may be empty) */
    public Problems(Map<String, Integer> lines) {
        addLines(lines);
    }

    /** Adds field-to-line entries (from a plan parsed after this collector was made). */
    public void addLines(Map<String, Integer> more) {
        if (more != null) lines.putAll(more);
    }

    /** Runs {@code check}, keeping an input problem it raises instead of stopping. */
    public void check(Runnable check) {
        try {
            check.run();
        } catch (PreflightException e) {
            e.problems().forEach(this::add);
        } catch (InputException e) {
            add(e);
        }
    }

    /** Adds a problem (with the line of its plan field when known). */
    public void add(InputException e) {
        found.add(withLine(e));
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public List<InputException> all() {
        return List.copyOf(found);
    }

    /** Throws the single problem as it is, or all of them as one {@link PreflightException}; nothing when empty. */
    public void throwIfAny() {
        if (found.size() == 1) throw found.get(0);
        if (!found.isEmpty()) throw new PreflightException(found);
    }

    private InputException withLine(InputException e) {
        if (!(e instanceof PlanException pe) || pe.field() == null || pe.field().contains("(line") || pe.field().startsWith("line ")) return e;
        Integer line = lineOf(pe.field());
        if (line == null) return e;
        String msg = e.getMessage();
        String prefix = pe.source() + ": field '" + pe.field() + "': ";
        String rest = msg.startsWith(prefix) ? msg.substring(prefix.length()) : msg;
        PlanException out = new PlanException(pe.source(), pe.field() + " (line " + line + ")", rest);
        out.initCause(e);
        return out;
    }

    /** The line of {@code field}, or of its nearest enclosing field the plan has a line for. */
    private Integer lineOf(String field) {
        String f = field;
        while (!f.isEmpty()) {
            Integer l = lines.get(f);
            if (l != null) return l;
            int cut = Math.max(f.lastIndexOf('.'), f.lastIndexOf('['));
            if (cut <= 0) return null;
            f = f.substring(0, cut);
        }
        return null;
    }
}
