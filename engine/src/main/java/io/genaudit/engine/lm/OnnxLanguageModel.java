package io.genaudit.engine.lm;

import io.genaudit.engine.lm.onnx.OnnxGenerationSession;

import java.nio.file.Path;

/**
 * An ONNX causal LM file run by DJL's ONNX Runtime engine (input: int64 ids [B, T]; output: logits [B, T, V]). When
 * the export declares a key/value cache ({@code past_key_values.N.key/value} in, {@code present.N.key/value} out, as
 * Optimum's with-past exports do), generation runs through an {@link OnnxGenerationSession} that feeds the presents
 * back one token at a time; otherwise each new token re-runs the window.
 */
public final class OnnxLanguageModel extends ExportedLanguageModel {
    private OnnxGenerationSession generation;
    private boolean noCache;

    public OnnxLanguageModel(Path file, Tokenizer tokenizer, int contextLength) {
        super(file, "OnnxRuntime", "ONNX", tokenizer, contextLength);
    }

    @Override
    protected synchronized TokenDecoder newCachedDecoder() {
        if (generation == null && !noCache) {
            OnnxGenerationSession s = OnnxGenerationSession.open(file());
            if (s.signature().hasPast()) {
                generation = s;
            } else {
                s.close();
                noCache = true;
            }
        }
        return generation != null ? generation.newDecoder(true) : super.newCachedDecoder();
    }

    @Override
    public synchronized void close() {
        if (generation != null) generation.close();
        super.close();
    }
}
