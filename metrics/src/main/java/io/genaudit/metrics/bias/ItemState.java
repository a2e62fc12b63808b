package io.genaudit.metrics.bias;

import java.io.Serializable;

/**
 * The state of a bias metric: the scored items by id, grown by batches and merged across shards as a union of
 * disjoint ids (so any merge order gives one pass's items).
 *
 * @param <I> the input batch type
 * @param <S> the state type itself
 */
public interface ItemState<I, S extends ItemState<I, S>> extends Serializable {
    /** Adds a batch; returns this. */
    S add(I batch);

    /** Merges another shard's state into this one; returns this. */
    S merge(S other);
}
