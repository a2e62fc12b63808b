package io.genaudit.metrics.contract;

import java.io.Serializable;

/**
 * A metric state that grows by batches and merges with another shard's state, in place. Serializable, so shards can
 * travel between JVMs (Spark executors). States that keep items key them by a global id, so {@link #merge} does not
 * depend on the order shards arrive in.
 *
 * @param <I> the batch type
 * @param <S> the state type itself
 */
public interface MetricState<I, S extends MetricState<I, S>> extends Serializable {
    /** Adds a batch; returns this. */
    S add(I batch);

    /** Merges another shard's state into this one; returns this. */
    S merge(S other);
}
