package io.genaudit.metrics.contract;

import io.genaudit.values.Interval;

/**
 * What every metric result record offers the harness: the headline value, the count it was computed on and, where
 * one exists, its interval. Other numeric components of the record become gate fields and output keys.
 */
public interface MetricResult {
    /** The headline number. */
    double value();

    /** How many items the value rests on (images, tokens, documents, pairs). */
    long n();

    /** The interval of {@link #value()}, or null when none was computed. */
    default Interval ci() {
        return null;
    }

    /** Caveats the computation found (e.g. "no interval: the real set is given as statistics"), shown with the result. */
    default java.util.List<String> notes() {
        return java.util.List.of();
    }

    /** The unit of {@link #value()} ("nats", "%"), or null. */
    default String unit() {
        return null;
    }
}
