package io.genaudit.reports;

/**
 * The verdict of one gate: operator ({@code max}, {@code min}, {@code non-inferior}, ...), threshold, whether it
 * passed, and one sentence a reviewer can read explaining why.
 */
public record GateOutcome(String op, double threshold, String field, boolean passed, String explanation) {
}
