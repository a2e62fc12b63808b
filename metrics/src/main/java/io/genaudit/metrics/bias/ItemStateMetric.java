package io.genaudit.metrics.bias;

import io.genaudit.metrics.contract.Metric;
import io.genaudit.metrics.contract.MetricResult;

/** A metric whose state is an {@link ItemState}: update adds the batch, merge unites the shards' items. */
public interface ItemStateMetric<P extends Record, I, S extends ItemState<I, S>, R extends Record & MetricResult> extends Metric<P, I, S, R> {
    @Override
    default S update(S state, I batch) {
        return state.add(batch);
    }

    @Override
    default S merge(S a, S b) {
        return a.merge(b);
    }
}
