package io.genaudit.engine.lm.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * The attention keys and values of every position a {@link CausalTransformer} has read so far, one [B, heads, T,
 * headDim] pair per block, so that the next token attends to them without recomputing them. Arrays live in the
 * cache's own manager; {@link #close()} frees them.
 */
public final class KvCache implements AutoCloseable {
    private final NDManager manager;
    private final NDArray[] keys;
    private final NDArray[] values;
    private int length;

    KvCache(NDManager parent, int layers) {
        this.manager = parent.newSubManager();
        this.keys = new NDArray[layers];
        this.values = new NDArray[layers];
    }

    /** Number of cached positions (the position of the next token). */
    public int length() {
        return length;
    }

    /** Appends block {@code layer}'s new keys and values [B, heads, t, headDim] and returns the full cached ones. */
    NDArray[] append(int layer, NDArray k, NDArray v) {
        keys[layer] = grow(keys[layer], k);
        values[layer] = grow(values[layer], v);
        return new NDArray[]{keys[layer], values[layer]};
    }

    private NDArray grow(NDArray old, NDArray added) {
        NDArray all = old == null ? added.duplicate() : old.concat(added, 2);
        all.attach(manager);
        if (old != null) old.close();
        return all;
    }

    /** Records that {@code t} more positions were appended to every block. */
    void advance(int t) {
        length += t;
    }

    /** Drops every cached position. */
    public void clear() {
        for (int l = 0; l < keys.length; l++) {
            if (keys[l] != null) keys[l].close();
            if (values[l] != null) values[l].close();
            keys[l] = values[l] = null;
        }
        length = 0;
    }

    @Override
    public void close() {
        manager.close();
    }
}
