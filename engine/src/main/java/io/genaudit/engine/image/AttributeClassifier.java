package io.genaudit.engine.image;

import java.util.List;
import java.util.Map;

/**
 * Predicts categorical attributes of images (e.g. shape and colour of the shapes fixture), so bias audits can count
 * attribute proportions in generated samples. Class ids index {@link #classes(String)}.
 */
public interface AttributeClassifier {
    /** Attribute names in a fixed order, e.g. [shape, colour, size]. */
    List<String> attributes();

    /** Class names of {@code attribute}; a predicted id indexes this list. */
    List<String> classes(String attribute);

    /** Predicted class id per image, for every attribute. */
    Map<String, int[]> predict(Images batch);

    /** Identifies the classifier in provenance. */
    String describe();
}
