package io.genaudit.spark;

import io.genaudit.engine.InputException;

/**
 * Turns a failed Spark job back into the error the task raised: an {@link InputException} thrown inside an executor
 * reaches the driver wrapped in a {@code SparkException} ("Job aborted due to stage failure ..."), and genaudit must
 * still report it as a one-line user error (exit 2).
 */
public final class SparkFailures {
    private SparkFailures() {
    }

    /** The {@link InputException} in {@code e}'s cause chain, or null. */
    public static InputException inputError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InputException ie) return ie;
            if (t.getCause() == t) break;
        }
        return null;
    }

    /**
     * Runs {@code job}, rethrowing a task's InputException as itself and anything else unchanged (Spark's Scala code
     * throws the checked {@code SparkException} without declaring it).
     */
    public static <T> T userErrorsUnwrapped(java.util.function.Supplier<T> job) {
        try {
            return job.get();
        } catch (Exception e) {
            InputException ie = inputError(e);
            if (ie != null) throw ie;
            throw SparkFailures.<RuntimeException>sneaky(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Exception> E sneaky(Exception e) throws E {
        throw (E) e;
    }
}
