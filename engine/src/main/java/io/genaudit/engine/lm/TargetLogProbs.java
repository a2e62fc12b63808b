package io.genaudit.engine.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * Next-token log-probabilities computed where the logits live (libtorch): log-softmax over the vocabulary and a gather
 * of each next token's entry, so only [B, T-1] floats cross to Java instead of the full [B, T, V] logits. The
 * log-softmax runs in double, like {@link AbstractLanguageModel#targetLogProbs}'s Java fallback, so both give the same
 * floats.
 */
public final class TargetLogProbs {
    private TargetLogProbs() {
    }

    /**
     * {@code logits} [B, T-1, V] (float: the model fed {@code ids[:, :-1]}, the last token being only a target) and
     * {@code ids} [B, T] (int64, T >= 2) on the same manager; returns log p(ids[r][t] | ids[r][0..t-1]) flat as
     * [B][T-1]. Intermediate arrays belong to the inputs' manager.
     */
    public static float[] compute(NDArray logits, NDArray ids) {
        NDArray next = ids.get(":, 1:").expandDims(2);
        NDArray logProbs = logits.toType(DataType.FLOAT64, false).logSoftmax(2);
        return logProbs.gather(next, 2).toType(DataType.FLOAT32, false).toFloatArray();
    }
}
