package io.genaudit.engine.lm.onnx;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.genaudit.engine.ModelContractException;
import io.genaudit.engine.lm.TokenDecoder;

import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Decodes one sequence (batch 1) through an ONNX export, feeding each declared input by name: {@code input_ids},
 * {@code attention_mask} (all ones over past + new tokens), {@code position_ids} (past .. past + T - 1, what Hugging
 * Face derives from such a mask), {@code token_type_ids} (zeros), {@code use_cache_branch}, and the cache. The first
 * call of a window gets an empty past (sequence axis of length 0); cached calls then feed back the previous
 * {@code present.N.key/value} tensors as they are, without copying them to Java. Only the last row of logits is read.
 */
final class OnnxTokenDecoder implements TokenDecoder {
    private final OrtEnvironment env;
    private final OrtSession session;
    private final OnnxDecoderSignature sig;
    private final boolean cached;
    private OrtSession.Result presents;
    private int pastLength;
    private int[] window = new int[0];

    OnnxTokenDecoder(OrtEnvironment env, OrtSession session, OnnxDecoderSignature sig, boolean cached) {
        this.env = env;
        this.session = session;
        this.sig = sig;
        this.cached = cached;
    }

    @Override
    public float[] start(int[] tokens) {
        releasePast();
        window = tokens.clone();
        return run(window);
    }

    @Override
    public float[] append(int token) {
        if (cached) return run(new int[]{token});
        window = Arrays.copyOf(window, window.length + 1);
        window[window.length - 1] = token;
        releasePast();
        return run(window);
    }

    /** Runs {@code ids} after the {@code pastLength} cached positions and keeps the presents when caching. */
    private float[] run(int[] ids) {
        int t = ids.length;
        Map<String, OnnxTensor> created = new HashMap<>();
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            long[] idv = new long[t], pos = new long[t];
            for (int i = 0; i < t; i++) {
                idv[i] = ids[i];
                pos[i] = pastLength + i;
            }
            created.put(OnnxDecoderSignature.INPUT_IDS, longs(idv, t));
            if (sig.attentionMask()) created.put(OnnxDecoderSignature.ATTENTION_MASK, ones(pastLength + t));
            if (sig.positionIds()) created.put(OnnxDecoderSignature.POSITION_IDS, longs(pos, t));
            if (sig.tokenTypeIds()) created.put(OnnxDecoderSignature.TOKEN_TYPE_IDS, longs(new long[t], t));
            if (sig.useCacheBranch()) created.put(OnnxDecoderSignature.USE_CACHE_BRANCH, OnnxTensor.createTensor(env, new boolean[]{pastLength > 0}));
            inputs.putAll(created);
            for (PastLayer l : sig.layers()) {
                if (pastLength == 0) {
                    created.put(l.pastKey(), emptyPast(l));
                    created.put(l.pastValue(), emptyPast(l));
                    inputs.put(l.pastKey(), created.get(l.pastKey()));
                    inputs.put(l.pastValue(), created.get(l.pastValue()));
                } else {
                    inputs.put(l.pastKey(), (OnnxTensor) presents.get(l.presentKey()).orElseThrow());
                    inputs.put(l.pastValue(), (OnnxTensor) presents.get(l.presentValue()).orElseThrow());
                }
            }
            OrtSession.Result result = session.run(inputs);
            float[] logits;
            try {
                logits = lastRow(result.get(sig.logits()).orElseThrow(), t);
            } catch (RuntimeException e) {
                result.close();
                throw e;
            }
            int newLength = pastLength + t;
            releasePast();
            if (cached) {
                presents = result;
                pastLength = newLength;
            } else {
                result.close();
            }
            return logits;
        } catch (OrtException e) {
            throw new ModelContractException(sig.file(), "a forward pass on the declared inputs " + inputs.keySet() + " at past length " + pastLength,
                    "ONNX Runtime error: " + e.getMessage());
        } finally {
            created.values().forEach(OnnxTensor::close);
        }
    }

    private float[] lastRow(OnnxValue value, int t) {
        if (!(value instanceof OnnxTensor logits) || logits.getInfo().type != OnnxJavaType.FLOAT || logits.getInfo().getShape().length != 3
                || logits.getInfo().getShape()[1] != t) {
            throw new ModelContractException(sig.file(), "float32 logits [1, " + t + ", V] in output " + sig.logits(), String.valueOf(value.getInfo()));
        }
        int v = Math.toIntExact(logits.getInfo().getShape()[2]);
        FloatBuffer all = logits.getByteBuffer().asFloatBuffer();
        float[] row = new float[v];
        all.get((t - 1) * v, row);
        return row;
    }

    private OnnxTensor longs(long[] values, int t) throws OrtException {
        return OnnxTensor.createTensor(env, LongBuffer.wrap(values), new long[]{1, t});
    }

    private OnnxTensor ones(int n) throws OrtException {
        if (sig.maskType() == OnnxJavaType.INT32) {
            int[] m = new int[n];
            Arrays.fill(m, 1);
            return OnnxTensor.createTensor(env, IntBuffer.wrap(m), new long[]{1, n});
        }
        long[] m = new long[n];
        Arrays.fill(m, 1);
        return longs(m, n);
    }

    private OnnxTensor emptyPast(PastLayer l) throws OrtException {
        return OnnxTensor.createTensor(env, FloatBuffer.allocate(0), new long[]{1, l.heads(), 0, l.headDim()});
    }

    private void releasePast() {
        if (presents != null) presents.close();
        presents = null;
        pastLength = 0;
    }

    @Override
    public void close() {
        releasePast();
    }
}
