package io.genaudit.engine;

/**
 * The machine genaudit runs on cannot be trusted to compute correctly (for example its native kernels give wrong
 * gradients) and a setting outside genaudit must change. Not a user-input problem and not a bug in genaudit: the CLI
 * maps it to exit code 3 (internal or environment failure) with its one-line message and no "please report" claim.
 */
public class EnvironmentException extends RuntimeException {
    public EnvironmentException(String message) {
        super(message);
    }
}
