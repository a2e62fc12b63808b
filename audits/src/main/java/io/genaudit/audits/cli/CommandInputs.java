package io.genaudit.audits.cli;

import io.genaudit.audits.metric.InputFeed;

import java.util.ServiceLoader;

/**
 * The command-line side of one input type: a picocli-annotated options object added to every generated metric command
 * with that input type (paths, extractor), and the batches once parsed. A new instance serves each
 * command. Registered in META-INF/services/io.genaudit.audits.cli.CommandInputs.
 *
 * @param <I> the input batch type
 */
public interface CommandInputs<I> {
    /** The batch type served (read from the declaration). */
    default Class<I> inputType() {
        return io.genaudit.metrics.contract.TypeArguments.of(getClass(), CommandInputs.class, 0);
    }

    /** The picocli-annotated options object (this object by default, or one it holds). */
    default Object options() {
        return this;
    }

    /**
     * Called with the metric's bound parameters (output keys to values) before {@link #open()}, for inputs that share
     * one of them (e.g. {@code seed}, which also seeds a detector's folds) rather than declaring a second option.
     */
    default void metricParameters(java.util.Map<String, Object> values) {
    }

    /** The batches named by the parsed options, or null when the options asked for no metric (e.g. only --save-stats). */
    InputFeed<I> open() throws Exception;

    /** A fresh instance of the command inputs for {@code type}; a missing one is a packaging bug. */
    @SuppressWarnings("unchecked")
    static <I> CommandInputs<I> forType(Class<I> type) {
        for (CommandInputs<?> c : ServiceLoader.load(CommandInputs.class)) {
            if (c.inputType() == type) return (CommandInputs<I>) c;
        }
        throw new IllegalStateException("no command inputs registered for " + type.getName());
    }
}
