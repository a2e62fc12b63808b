package io.genaudit.metrics.contract;

/**
 * A metric whose state is a {@link MetricState}: {@link #update} adds the batch and {@link #merge} unites the shards,
 * so the metric class writes only its metadata, {@link #newState} and {@link #compute}.
 */
public interface StateMetric<P extends Record, I, S extends MetricState<I, S>, R extends Record & MetricResult> extends Metric<P, I, S, R> {
    @Override
    default S update(S state, I batch) {
        return state.add(batch);
    }

    @Override
    default S merge(S a, S b) {
        return a.merge(b);
    }
}
