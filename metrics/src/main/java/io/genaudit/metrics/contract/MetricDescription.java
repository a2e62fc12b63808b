package io.genaudit.metrics.contract;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A metric's {@link MetricInfo}, declared on its class: {@link Metric#info()} reads it, so a metric states its name,
 * direction and documentation once, next to its name, instead of writing out an {@code info()} method. A metric may
 * still override {@code info()} instead.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface MetricDescription {
    /** {@link MetricInfo#name()}. */
    String name();

    /** {@link MetricInfo#title()}. */
    String title();

    /** {@link MetricInfo#summary()}. */
    String summary();

    /** {@link MetricInfo#direction()}. */
    MetricInfo.Direction direction();

    /** {@link MetricInfo#mergeability()}; most metrics keep their items. */
    MetricInfo.Mergeability mergeability() default MetricInfo.Mergeability.ITEMS;

    /** {@link MetricInfo#docPage()}; empty means {@code docs/metrics/<name>.md}. */
    String docPage() default "";

    /** {@link MetricInfo#aliases()}. */
    String[] aliases() default {};
}
