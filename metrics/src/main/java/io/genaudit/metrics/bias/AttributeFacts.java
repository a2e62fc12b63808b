package io.genaudit.metrics.bias;

import java.io.Serializable;
import java.util.List;

/**
 * What the {@code bias-image} statistics need besides the predictions: the attribute, its classes in the classifier's
 * logit order and the target distribution (uniform or the labelled reference's shares). Every batch of a run carries
 * the same facts.
 */
public record AttributeFacts(String attribute, List<String> classes, List<Double> target) implements Serializable {
    public AttributeFacts {
        classes = List.copyOf(classes);
        target = List.copyOf(target);
        if (classes.size() != target.size()) throw new IllegalArgumentException("target has " + target.size() + " classes, classifier " + classes.size());
    }

    /** {@code target} as an array. */
    public double[] targetShares() {
        return target.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
