package io.genaudit.engine.lm.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import io.genaudit.engine.nn.EngineArrays;
import io.genaudit.engine.nn.NamedArrays;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The built-in decoder-only Transformer written with DJL NDArray operations (PyTorch engine): token embedding plus
 * learned positions, pre-norm blocks of masked multi-head self-attention and a GELU MLP, a final layer norm and a
 * separate output head. Parameters are plain named arrays, initialised from a seed in Java so the same seed gives
 * the same model regardless of the engine's global RNG.
 */
public final class CausalTransformer implements AutoCloseable {
    private final TransformerConfig config;
    private final NDManager manager;
    private final Map<String, NDArray> params = new LinkedHashMap<>();
    private final Map<Integer, NDArray> masks = new HashMap<>();

    private CausalTransformer(TransformerConfig config, NDManager manager) {
        this.config = config;
        this.manager = manager;
    }

    /** A freshly initialised model: weights N(0, 0.02) with residual projections scaled by 1/sqrt(2 layers) as in GPT-2, token embeddings N(0, 0.5) (large enough that the next-byte signal dominates the positions from the first step; training escapes the unigram plateau much sooner). */
    public static CausalTransformer initialise(TransformerConfig c, NDManager parent, long seed) {
        CausalTransformer m = new CausalTransformer(c, parent.newSubManager());
        SplittableRandom rng = new SplittableRandom(seed);
        int d = c.dModel();
        double resid = 0.02 / Math.sqrt(2.0 * c.layers());
        m.normal("tok_emb", rng, 0.5, c.vocabSize(), d);
        m.normal("pos_emb", rng, 0.01, c.contextLength(), d);
        for (int l = 0; l < c.layers(); l++) {
            String p = "block" + l + ".";
            m.constant(p + "ln1.g", 1, d);
            m.constant(p + "ln1.b", 0, d);
            m.normal(p + "attn.qkv.w", rng, 0.02, d, 3 * d);
            m.constant(p + "attn.qkv.b", 0, 3 * d);
            m.normal(p + "attn.out.w", rng, resid, d, d);
            m.constant(p + "attn.out.b", 0, d);
            m.constant(p + "ln2.g", 1, d);
            m.constant(p + "ln2.b", 0, d);
            m.normal(p + "mlp.in.w", rng, 0.02, d, c.mlpHidden());
            m.constant(p + "mlp.in.b", 0, c.mlpHidden());
            m.normal(p + "mlp.out.w", rng, resid, c.mlpHidden(), d);
            m.constant(p + "mlp.out.b", 0, d);
        }
        m.constant("ln_f.g", 1, d);
        m.constant("ln_f.b", 0, d);
        m.normal("head.w", rng, 0.02, d, c.vocabSize());
        m.constant("head.b", 0, c.vocabSize());
        return m;
    }

    private void normal(String name, SplittableRandom rng, double sd, int... shape) {
        int n = 1;
        for (int s : shape) n *= s;
        float[] v = new float[n];
        for (int i = 0; i < n; i += 2) {
            double u1 = rng.nextDouble(), u2 = rng.nextDouble();
            double r = Math.sqrt(-2 * Math.log(1 - u1));
            v[i] = (float) (sd * r * Math.cos(2 * Math.PI * u2));
            if (i + 1 < n) v[i + 1] = (float) (sd * r * Math.sin(2 * Math.PI * u2));
        }
        put(name, v, shape);
    }

    private void constant(String name, float value, int... shape) {
        int n = 1;
        for (int s : shape) n *= s;
        float[] v = new float[n];
        java.util.Arrays.fill(v, value);
        put(name, v, shape);
    }

    private void put(String name, float[] values, int... shape) {
        long[] s = new long[shape.length];
        for (int i = 0; i < shape.length; i++) s[i] = shape[i];
        NDArray a = manager.create(values, new Shape(s));
        a.setRequiresGradient(true);
        params.put(name, a);
    }

    public TransformerConfig config() {
        return config;
    }

    /** The trainable arrays by name, in a fixed order. */
    public Map<String, NDArray> parameters() {
        return params;
    }

    public long parameterCount() {
        long n = 0;
        for (NDArray a : params.values()) n += a.size();
        return n;
    }

    private NDArray mask(int t) {
        return masks.computeIfAbsent(t, len -> manager.create(maskValues(len, len), new Shape(len, len)));
    }

    /** Additive causal mask for {@code tq} queries at the last positions of {@code tk} keys: -1e9 above the diagonal. */
    private static float[] maskValues(int tq, int tk) {
        float[] m = new float[tq * tk];
        for (int i = 0; i < tq; i++) for (int j = tk - tq + i + 1; j < tk; j++) m[i * tk + j] = -1e9f;
        return m;
    }

    private static NDArray layerNorm(NDArray x, NDArray g, NDArray b) {
        return x.getNDArrayInternal().layerNorm(x, new Shape(g.size()), g, b, 1e-5f).singletonOrThrow();
    }

    /**
     * Logits [B, T, V] for int64 token ids [B, T] (T at most the context length). New arrays belong to the
     * manager of {@code ids}.
     */
    public NDArray forward(NDArray ids) {
        return forward(ids, null);
    }

    /** An empty key/value cache for {@link #forward(NDArray, KvCache)}; close it after use. */
    public KvCache newCache() {
        return new KvCache(manager, config.layers());
    }

    /**
     * Logits [B, T, V] for token ids [B, T] that continue the positions already in {@code cache} (null: no cache,
     * positions from 0); their keys and values are appended to the cache. Cached positions plus T must not exceed the
     * context length. With an empty cache the result equals {@link #forward(NDArray)} exactly (same operations).
     */
    public NDArray forward(NDArray ids, KvCache cache) {
        long bSize = ids.getShape().get(0), t = ids.getShape().get(1);
        int past = cache == null ? 0 : cache.length();
        if (past + t > config.contextLength()) {
            throw new IllegalArgumentException("sequence of " + (past + t) + " exceeds context " + config.contextLength());
        }
        int d = config.dModel(), h = config.heads(), hd = config.headDim();
        NDManager sm = ids.getManager();
        NDArray tok = params.get("tok_emb");
        NDArray x = tok.getNDArrayInternal().embedding(ids, tok, SparseFormat.DENSE).singletonOrThrow();
        x = x.add(params.get("pos_emb").get(sm, new NDIndex("{}:{}", past, past + t)));
        NDArray mask = past == 0 ? mask((int) t) : t == 1 ? null : sm.create(maskValues((int) t, (int) (past + t)), new Shape(t, past + t));
        // engine-owned: autograd keeps mul's operand for the backward pass (see EngineArrays)
        NDArray scale = EngineArrays.scalar(sm, (float) (1.0 / Math.sqrt(hd)));
        for (int l = 0; l < config.layers(); l++) {
            String p = "block" + l + ".";
            NDArray a = layerNorm(x, params.get(p + "ln1.g"), params.get(p + "ln1.b"));
            NDArray qkv = a.matMul(params.get(p + "attn.qkv.w")).add(params.get(p + "attn.qkv.b"))
                    .reshape(bSize, t, 3, h, hd).transpose(2, 0, 3, 1, 4);
            NDArray q = qkv.get(0), k = qkv.get(1), v = qkv.get(2);
            if (cache != null) {
                NDArray[] kv = cache.append(l, k, v);
                k = kv[0];
                v = kv[1];
            }
            NDArray att = q.matMul(k.transpose(0, 1, 3, 2)).mul(scale);
            if (mask != null) att = att.add(mask);
            att = att.softmax(-1);
            NDArray y = att.matMul(v).transpose(0, 2, 1, 3).reshape(bSize, t, d);
            x = x.add(y.matMul(params.get(p + "attn.out.w")).add(params.get(p + "attn.out.b")));
            NDArray m = layerNorm(x, params.get(p + "ln2.g"), params.get(p + "ln2.b"));
            m = Activation.gelu(m.matMul(params.get(p + "mlp.in.w")).add(params.get(p + "mlp.in.b")));
            x = x.add(m.matMul(params.get(p + "mlp.out.w")).add(params.get(p + "mlp.out.b")));
        }
        if (cache != null) cache.advance((int) t);
        x = layerNorm(x, params.get("ln_f.g"), params.get("ln_f.b"));
        return x.matMul(params.get("head.w")).add(params.get("head.b"));
    }

    /** Writes every parameter (name, shape, float32 values) in order ({@link NamedArrays}). */
    public void save(DataOutputStream out) throws IOException {
        NamedArrays.write(out, params);
    }

    /** Replaces the parameter values with those in {@code in} (written by {@link #save}). */
    public void load(DataInputStream in, String what) throws IOException {
        Map<String, NDArray> loaded = NamedArrays.read(in, params, manager, what);
        for (var e : loaded.entrySet()) {
            e.getValue().setRequiresGradient(true);
            params.put(e.getKey(), e.getValue()).close();
        }
    }

    NDManager manager() {
        return manager;
    }

    @Override
    public void close() {
        manager.close();
    }
}
