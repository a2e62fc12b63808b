package io.genaudit.audits;

import io.genaudit.engine.InputException;

/** An invalid plan: names the plan file, the field (and line when known) and what was expected. Exit code 2. */
public class PlanException extends InputException {
    private final String field;

    public PlanException(String planFile, String field, String message) {
        super(planFile, (field == null || field.isEmpty() ? "" : "field '" + field + "': ") + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
