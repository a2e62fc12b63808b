package io.genaudit.engine.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.nio.file.Path;

/**
 * A TorchScript causal LM file ({@code torch.jit.trace}/{@code script}) run by DJL's PyTorch engine. Scoring keeps the
 * logits in libtorch ({@link TargetLogProbs}) and copies back only the next-token log-probabilities.
 */
public final class TorchScriptLanguageModel extends ExportedLanguageModel {
    public TorchScriptLanguageModel(Path file, Tokenizer tokenizer, int contextLength) {
        super(file, "PyTorch", "TorchScript", tokenizer, contextLength);
    }

    @Override
    protected synchronized float[] targetLogProbs(long[] ids, int batch, int length) {
        try (NDManager sm = newBatchManager()) {
            NDArray x = sm.create(ids, new Shape(batch, length));
            return TargetLogProbs.compute(forward(sm, x).get(0), x);
        }
    }
}
