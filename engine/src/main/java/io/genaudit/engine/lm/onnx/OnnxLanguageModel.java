package io.genaudit.engine.lm.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.genaudit.engine.InputException;
import io.genaudit.engine.ModelContractException;
import io.genaudit.engine.lm.ExportedLanguageModel;
import io.genaudit.engine.lm.LmInputs;
import io.genaudit.engine.lm.OrtEnvironments;
import io.genaudit.engine.lm.TokenBatch;
import io.genaudit.engine.lm.TokenDecoder;
import io.genaudit.engine.lm.Tokenizer;
import io.genaudit.engine.lm.signature.ModelSignature;
import io.genaudit.engine.lm.signature.OnnxSignatures;
import io.genaudit.engine.lm.signature.TensorDecl;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An ONNX causal LM run through ONNX Runtime's own Java API, so inputs are fed by their declared names and types
 * (int64 or int32 ids; an int64/int32/float/bool mask; empty float32 past tensors for with-past exports) and ONNX
 * Runtime's own error text reaches the user. One intra-op thread unless {@code -Dgenaudit.onnx.threads=N}.
 */
public final class OnnxLanguageModel extends ExportedLanguageModel {
    private final OrtEnvironment env = OrtEnvironments.get();
    private final OrtSession session;
    private OnnxGenerationSession generation;

    public OnnxLanguageModel(Path file, Tokenizer tokenizer, int contextLength) {
        super(file, "ONNX", tokenizer, contextLength);
        this.session = open(file);
        try {
            ready(OnnxSignatures.read(session));
        } catch (OrtException | RuntimeException e) {
            closeRuntime();
            if (e instanceof InputException ie) throw ie;
            throw new InputException(file.toString(), "ONNX Runtime cannot read the declared inputs/outputs: " + e.getMessage(), e);
        }
    }

    /** Opens a session on {@code file}; an {@link InputException} carries ONNX Runtime's own reason when it fails. */
    public static OrtSession open(Path file) {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(Integer.getInteger("genaudit.onnx.threads", 1));
            return OrtEnvironments.get().createSession(file.toString(), options);
        } catch (OrtException e) {
            throw new InputException(file.toString(), "ONNX Runtime cannot load the model: " + e.getMessage(), e);
        }
    }

    /** The declared inputs and outputs of an ONNX file (for {@code inspect}). */
    public static ModelSignature signature(Path file) {
        try (OrtSession s = open(file)) {
            return OnnxSignatures.read(s);
        } catch (OrtException e) {
            throw new InputException(file.toString(), "ONNX Runtime cannot read the declared inputs/outputs: " + e.getMessage(), e);
        }
    }

    /**
     * Generation with the export's key/value cache when it declares one ({@code past_key_values.N.key/value} in,
     * {@code present.N.key/value} out, Optimum's with-past naming): one call per token over this model's own session,
     * feeding the presents back; exports without a past re-run the window.
     */
    @Override
    protected synchronized TokenDecoder newCachedDecoder() {
        if (generation == null) generation = OnnxGenerationSession.over(file(), session);
        return generation.signature().hasPast() ? generation.newDecoder(true) : super.newCachedDecoder();
    }

    /** The ONNX Runtime session this model owns (generation with a key/value cache can run over it). */
    public OrtSession session() {
        return session;
    }

    @Override
    protected Logits forward(TokenBatch batch) {
        LmInputs in = inputs();
        List<TensorDecl> decls = in.signature().inputs();
        Map<String, OnnxTensor> feed = new LinkedHashMap<>();
        try {
            for (int i = 0; i < in.roles().size(); i++) {
                TensorDecl d = decls.get(i);
                feed.put(d.name(), tensor(in.roles().get(i), d, batch));
            }
            try (OrtSession.Result result = session.run(feed)) {
                Optional<OnnxValue> v = result.get(in.logits());
                if (v.isEmpty() || !(v.get() instanceof OnnxTensor t)) {
                    throw new ModelContractException(file().toString(), "a tensor output '" + in.logits() + "'", "none");
                }
                TensorInfo info = t.getInfo();
                long[] shape = info.getShape();
                if (info.type != ai.onnxruntime.OnnxJavaType.FLOAT) {
                    return new Logits(null, shape, OnnxSignatures.dtype(info));
                }
                FloatBuffer fb = t.getFloatBuffer();
                float[] values = new float[fb.remaining()];
                fb.get(values);
                return new Logits(values, shape, "float32");
            }
        } catch (OrtException e) {
            throw new ModelContractException(file().toString(), "a successful run on int ids [" + batch.batch() + ", " + batch.length()
                    + "] (" + in.signature().describe() + ")", "ONNX Runtime error: " + e.getMessage());
        } finally {
            feed.values().forEach(OnnxTensor::close);
        }
    }

    private OnnxTensor tensor(LmInputs.Role role, TensorDecl d, TokenBatch b) throws OrtException {
        long[] shape = {b.batch(), b.length()};
        return switch (role) {
            case INPUT_IDS -> ints(d, b.ids(), shape);
            case ATTENTION_MASK -> ints(d, b.attentionMask(), shape);
            case POSITION_IDS -> ints(d, b.positionIds(), shape);
            case TOKEN_TYPE_IDS -> ints(d, new long[b.ids().length], shape);
            case PAST_KEY, PAST_VALUE -> {
                if (!d.dtype().equals("float32")) {
                    throw new ModelContractException(file().toString(), d.name() + " of type float32", d.toString());
                }
                yield OnnxTensor.createTensor(env, FloatBuffer.allocate(0), new long[]{b.batch(), d.fixedDim(1), 0, d.fixedDim(3)});
            }
            case USE_CACHE_BRANCH -> OnnxTensor.createTensor(env, new boolean[]{false});
        };
    }

    /** Integer-like input in the declared element type. */
    private OnnxTensor ints(TensorDecl d, long[] values, long[] shape) throws OrtException {
        return switch (d.dtype()) {
            case "int64" -> OnnxTensor.createTensor(env, LongBuffer.wrap(values), shape);
            case "int32" -> {
                int[] v = new int[values.length];
                for (int i = 0; i < v.length; i++) v[i] = Math.toIntExact(values[i]);
                yield OnnxTensor.createTensor(env, IntBuffer.wrap(v), shape);
            }
            case "float32" -> {
                float[] v = new float[values.length];
                for (int i = 0; i < v.length; i++) v[i] = values[i];
                yield OnnxTensor.createTensor(env, FloatBuffer.wrap(v), shape);
            }
            case "bool" -> {
                byte[] v = new byte[values.length];
                for (int i = 0; i < v.length; i++) v[i] = (byte) (values[i] != 0 ? 1 : 0);
                yield OnnxTensor.createTensor(env, ByteBuffer.wrap(v), shape, ai.onnxruntime.OnnxJavaType.BOOL);
            }
            default -> throw new ModelContractException(file().toString(), d.name() + " of an integer, float32 or bool type", d.toString());
        };
    }

    @Override
    protected void closeRuntime() {
        if (session == null) return;
        try {
            session.close();
        } catch (OrtException ignored) {
            // closing only frees native memory
        }
    }
}
