package io.genaudit.engine.lm.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import io.genaudit.engine.lm.TokenDecoder;

/**
 * Incremental decoding for the built-in {@link CausalTransformer}: {@link #start} runs the window once and fills a
 * {@link KvCache}; each {@link #append} runs only the new token against the cached keys and values, so a token costs
 * O(T) attention instead of a full O(T^2) window pass. Only the last row of logits is copied to Java.
 */
final class CachedTransformerDecoder implements TokenDecoder {
    private final CausalTransformer model;
    private final NDManager manager;
    private final KvCache cache;

    CachedTransformerDecoder(CausalTransformer model, NDManager manager) {
        this.model = model;
        this.manager = manager;
        this.cache = model.newCache();
    }

    @Override
    public float[] start(int[] window) {
        cache.clear();
        long[] ids = new long[window.length];
        for (int i = 0; i < ids.length; i++) ids[i] = window[i];
        return run(ids);
    }

    @Override
    public float[] append(int token) {
        return run(new long[]{token});
    }

    private float[] run(long[] ids) {
        try (NDManager sm = manager.newSubManager()) {
            NDArray logits = model.forward(sm.create(ids, new Shape(1, ids.length)), cache);
            return logits.get(new NDIndex("0, -1, :")).toFloatArray();
        }
    }

    @Override
    public void close() {
        cache.close();
    }
}
