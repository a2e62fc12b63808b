package io.genaudit.audits.cli;

/** The genaudit command line's exit codes, the contract CI pipelines rely on. */
public final class ExitCodes {
    /** Every gate passed (or none was set). */
    public static final int OK = 0;
    /** At least one gate failed. */
    public static final int GATE_FAILED = 1;
    /** The input is wrong: invalid plan, unknown key, missing or unreadable file, model contract violated. */
    public static final int BAD_INPUT = 2;
    /** An internal error: a bug in genaudit or an environment failure. */
    public static final int INTERNAL = 3;

    private ExitCodes() {
    }
}
