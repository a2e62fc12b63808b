package io.genaudit.engine.lm.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.genaudit.engine.InputException;
import io.genaudit.engine.lm.OrtEnvironments;
import io.genaudit.engine.lm.TokenDecoder;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An ONNX Runtime session over a causal-LM export, opened for generation: it reads the export's
 * {@link OnnxDecoderSignature} and hands out {@link OnnxTokenDecoder}s that feed the declared inputs by name. ONNX
 * Runtime's own error text is kept when the file cannot be loaded. Intra-op threads: {@code -Dgenaudit.onnx.threads}
 * (default 1, like the PyTorch engine, so that a shared CPU is not oversubscribed).
 */
public final class OnnxGenerationSession implements AutoCloseable {
    private final OrtEnvironment env;
    private final OrtSession session;
    private final OnnxDecoderSignature signature;
    private final boolean ownsSession;

    private OnnxGenerationSession(OrtEnvironment env, OrtSession session, OnnxDecoderSignature signature, boolean ownsSession) {
        this.env = env;
        this.session = session;
        this.signature = signature;
        this.ownsSession = ownsSession;
    }

    /** Opens {@code file}; an {@link InputException} names the file and carries ONNX Runtime's reason when it fails. */
    public static OnnxGenerationSession open(Path file) {
        if (!Files.isRegularFile(file)) throw new InputException(file, "ONNX model file expected, not found");
        OrtEnvironment env = OrtEnvironments.get();
        OrtSession session;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(Integer.getInteger("genaudit.onnx.threads", 1));
            session = env.createSession(file.toString(), options);
        } catch (OrtException e) {
            throw new InputException(file.toString(), "ONNX Runtime cannot load the model: " + e.getMessage(), e);
        }
        try {
            return over(file, session, true);
        } catch (RuntimeException e) {
            closeQuietly(session);
            throw e;
        }
    }

    /**
     * Generation over a session another object opened on {@code file} and closes (e.g. a scoring session), so the
     * model is loaded once.
     */
    public static OnnxGenerationSession over(Path file, OrtSession session) {
        return over(file, session, false);
    }

    private static OnnxGenerationSession over(Path file, OrtSession session, boolean owns) {
        try {
            return new OnnxGenerationSession(OrtEnvironments.get(), session,
                    OnnxDecoderSignature.read(file.toString(), session.getInputInfo(), session.getOutputInfo()), owns);
        } catch (OrtException e) {
            throw new InputException(file.toString(), "ONNX Runtime cannot read the declared inputs/outputs: " + e.getMessage(), e);
        }
    }

    /** What the export declares. */
    public OnnxDecoderSignature signature() {
        return signature;
    }

    /**
     * A decoder for one sequence: with {@code cached} and a with-past export, each token is one call that feeds back
     * the previous call's presents; otherwise every token re-runs the whole window (with an empty past where one is
     * declared).
     */
    public TokenDecoder newDecoder(boolean cached) {
        return new OnnxTokenDecoder(env, session, signature, cached && signature.hasPast());
    }

    @Override
    public void close() {
        if (ownsSession) closeQuietly(session);
    }

    private static void closeQuietly(OrtSession s) {
        try {
            s.close();
        } catch (OrtException ignored) {
            // closing only frees native memory
        }
    }
}
