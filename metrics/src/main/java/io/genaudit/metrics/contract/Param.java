package io.genaudit.metrics.contract;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares one metric parameter on a component of the metric's parameter record: its help text, its default and its
 * allowed range. The plan key is the component name ({@code fidInfinity}); the command-line option is its kebab-case
 * form ({@code --fid-infinity}). Checks that involve several parameters or odd ranges go in the record's compact
 * constructor and throw {@link ParamException}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Param {
    /** Marks "no default": the parameter is optional and {@code null} (boxed types) unless given. */
    String NONE = "\u0000none";

    /** One sentence for the plan documentation and {@code --help}. */
    String help();

    /** The default as text ({@code "0.95"}, {@code "true"}, an enum constant's name in lower case). */
    String dflt() default NONE;

    /** The smallest allowed value for numbers. */
    double min() default Double.NEGATIVE_INFINITY;

    /** The largest allowed value for numbers. */
    double max() default Double.POSITIVE_INFINITY;

    /** The placeholder in {@code --help} ({@code N}, {@code P}). */
    String label() default "";

    /**
     * A parameter whose plan default is the run's seed (and {@link #dflt()} on the command line), so one plan seed
     * makes every audit reproducible.
     */
    boolean runSeed() default false;
}
