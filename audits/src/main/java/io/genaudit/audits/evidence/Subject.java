package io.genaudit.audits.evidence;

/**
 * One in-toto subject: a name and its SHA-256. Bundle members are named by their path in the bundle; run inputs that
 * are not in the bundle (models, data) by {@code input:ROLE:PATH-OR-ID}.
 */
public record Subject(String name, String sha256) {
    /** Prefix of subjects that stand for run inputs recorded in run.json, not for bundle members. */
    public static final String INPUT_PREFIX = "input:";

    /** Whether this subject is a run input rather than a bundle member. */
    public boolean isInput() {
        return name.startsWith(INPUT_PREFIX);
    }
}
