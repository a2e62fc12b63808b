package io.genaudit.metrics.contract;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a result component holding a nested record whose own components become output keys and gate fields, each
 * after {@link #prefix()}: one figures record serves several sides of a result (diversity's generations and its
 * reference text: {@code distinct_2} and {@code reference_distinct_2}). A null nested record has no output keys and
 * reads NaN as a gate field.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Flatten {
    /** Put before each nested key ({@code "reference_"}); empty for none. */
    String prefix() default "";
}
