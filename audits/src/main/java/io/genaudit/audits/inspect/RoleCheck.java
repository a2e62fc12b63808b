package io.genaudit.audits.inspect;

/**
 * Whether a model file can be used in one role, and why (or why not).
 *
 * @param role   {@code language model}, {@code generator}, {@code feature extractor} or {@code detector}
 * @param usable true when genaudit can drive the file in this role
 * @param detail what genaudit feeds and reads when usable, else the contract violation
 */
public record RoleCheck(String role, boolean usable, String detail) {
}
