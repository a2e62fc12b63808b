package io.genaudit.engine.lm;

import java.nio.file.Path;

/** A TorchScript causal LM file ({@code torch.jit.trace}/{@code script}) run by DJL's PyTorch engine. */
public final class TorchScriptLanguageModel extends ExportedLanguageModel {
    public TorchScriptLanguageModel(Path file, Tokenizer tokenizer, int contextLength) {
        super(file, "PyTorch", "TorchScript", tokenizer, contextLength);
    }
}
