package io.genaudit.metrics.contract;

import java.io.Serializable;

/**
 * Runs a metric over batches in one pass: new state, update with each batch, compute. The plan module, the command
 * line and tests use it; a distributed run does the same per shard and {@link Metric#merge}s the states.
 */
public final class MetricRun {
    private MetricRun() {
    }

    /** The state after every batch of {@code batches}. */
    public static <P extends Record, I, S extends Serializable, R extends Record & MetricResult> S accumulate(
            Metric<P, I, S, R> metric, P params, Iterable<? extends I> batches) {
        S state = metric.newState(params);
        for (I b : batches) state = metric.update(state, b);
        return state;
    }

    /** The result over every batch of {@code batches}. */
    public static <P extends Record, I, S extends Serializable, R extends Record & MetricResult> R once(
            Metric<P, I, S, R> metric, P params, Iterable<? extends I> batches) {
        return metric.compute(accumulate(metric, params, batches), params);
    }

    /** The state after every batch {@code source} pushes. */
    public static <P extends Record, I, S extends Serializable, R extends Record & MetricResult> S accumulate(
            Metric<P, I, S, R> metric, P params, BatchSource<? extends I> source) throws Exception {
        Object[] state = {metric.newState(params)};
        source.feed(b -> state[0] = metric.update(cast(state[0]), b));
        return cast(state[0]);
    }

    @SuppressWarnings("unchecked")
    private static <S> S cast(Object o) {
        return (S) o;
    }
}
