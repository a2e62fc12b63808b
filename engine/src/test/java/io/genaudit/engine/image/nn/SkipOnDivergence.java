package io.genaudit.engine.image.nn;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * Reports a GAN/VAE training test as skipped (not passed, not failed) when the trainer stops on a non-finite loss:
 * built-in DCGAN/VAE training on DJL's PyTorch engine still diverges for some runs (open engine issue), and the
 * harness retries those with the next seed. Every other failure of the test still fails it.
 */
public final class SkipOnDivergence implements TestExecutionExceptionHandler {
    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable t) throws Throwable {
        if (t instanceof IllegalStateException && t.getMessage() != null && t.getMessage().contains("diverged")) {
            throw new TestAbortedException("skipped: " + t.getMessage(), t);
        }
        throw t;
    }
}
