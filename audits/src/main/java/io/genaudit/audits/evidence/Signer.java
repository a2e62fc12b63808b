package io.genaudit.audits.evidence;

import io.genaudit.engine.InputException;

/** Who signs an evidence bundle: a name and a role ("Jane Doe, model risk officer"), as the reviewer wrote them. */
public record Signer(String name, String role) {
    /** Parses {@code "name, role"} (the role after the first comma is optional); blank names are refused. */
    public static Signer parse(String text) {
        if (text == null || text.isBlank()) throw new InputException("--signer", "a name is required, e.g. \"Jane Doe, model risk officer\"");
        int comma = text.indexOf(',');
        String name = (comma < 0 ? text : text.substring(0, comma)).strip();
        String role = comma < 0 ? "" : text.substring(comma + 1).strip();
        if (name.isEmpty()) throw new InputException("--signer", "the name before the comma is empty in '" + text + "'");
        if (text.chars().anyMatch(Character::isISOControl)) throw new InputException("--signer", "control characters are not allowed");
        return new Signer(name, role);
    }

    /** The signer as written, "name, role" or just the name. */
    public String label() {
        return role.isEmpty() ? name : name + ", " + role;
    }
}
