package io.genaudit.metrics.contract;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a result component that carries item-level evidence for a {@code ResultPresenter} (the scored examples,
 * per-group test families behind tables and charts) rather than an output value: {@link ResultFields} leaves it out of
 * the run record's details and {@code --json}, and it is never a gate field.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Evidence {
}
