package io.genaudit.engine.lm;

import java.nio.file.Path;

/** An ONNX causal LM file run by DJL's ONNX Runtime engine (input: int64 ids [B, T]; output: logits [B, T, V]). */
public final class OnnxLanguageModel extends ExportedLanguageModel {
    public OnnxLanguageModel(Path file, Tokenizer tokenizer, int contextLength) {
        super(file, "OnnxRuntime", "ONNX", tokenizer, contextLength);
    }
}
