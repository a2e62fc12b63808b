package io.genaudit.metrics.bias;

import java.io.Serializable;

/**
 * One batch of input for {@code bias-image}: the attribute classifier's predicted class of generated images
 * {@code firstId, firstId + 1, ...} of one condition (all samples, or one class label of a conditional generator), or of
 * labelled calibration images with their true classes. Ids make shard merges independent of arrival order.
 *
 * @param facts          attribute, classes and target shared by every batch of the run
 * @param condition      the condition's index (order of the report), or -1 for calibration images
 * @param conditionLabel the condition as the report names it ("all samples", "label 3"), or null for calibration images
 * @param firstId        the id of the first image within its condition (or within the calibration set)
 * @param predicted      predicted class index per image
 * @param truth          true class index per calibration image, or null for generated images
 */
public record AttributePredictions(AttributeFacts facts, int condition, String conditionLabel, long firstId, int[] predicted, int[] truth)
        implements Serializable {
    public AttributePredictions {
        if (truth != null && truth.length != predicted.length) throw new IllegalArgumentException("calibration needs one true class per prediction");
        if ((truth == null) == (condition < 0)) throw new IllegalArgumentException("generated images have a condition, calibration images a true class");
    }

    /** Predictions of generated images of one condition. */
    public static AttributePredictions generated(AttributeFacts facts, int condition, String label, long firstId, int[] predicted) {
        return new AttributePredictions(facts, condition, label, firstId, predicted, null);
    }

    /** Predictions and true classes of labelled calibration images. */
    public static AttributePredictions calibration(AttributeFacts facts, long firstId, int[] truth, int[] predicted) {
        return new AttributePredictions(facts, -1, null, firstId, predicted, truth);
    }
}
