package io.genaudit.metrics.fidelity;

import java.io.Serializable;

/**
 * One batch of classifier outputs on generated samples, the input of metrics that score the generated side alone
 * through a classifier (the Inception Score): unnormalised class logits (a softmax is applied by the metric), starting
 * at global row {@code firstRow}, so shard merges do not depend on arrival order.
 *
 * @param firstRow the global index of {@code logits[0]}
 * @param logits   class logits [b, C]
 * @param source   the file or folder the batch came from (named in errors)
 */
public record ClassLogitsBatch(long firstRow, double[][] logits, String source) implements Serializable {
    public ClassLogitsBatch {
        if (logits == null) throw new IllegalArgumentException("logits required");
    }
}
