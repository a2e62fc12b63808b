package io.genaudit.engine.image;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Predicts categorical attributes of images (e.g. shape, colour and size of the shapes fixture), so bias probes can
 * count attribute proportions in generated samples. Class ids index {@link #classes(String)}. genaudit's shapes CNN
 * is one; any feature extractor whose outputs are class logits becomes a one-attribute classifier with
 * {@link #fromLogits}; {@link #restrictedTo} views one attribute with its classes in the order a probe expects.
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

    /** Predictions of {@code attribute} for every image of a source, batch by batch. */
    default int[] predictAll(String attribute, ImageSource source, int batchSize) {
        int[] out = new int[source.size()];
        int at = 0;
        for (Iterator<Images> it = source.batches(batchSize); it.hasNext(); ) {
            int[] p = predict(it.next()).get(attribute);
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        if (at != out.length) throw new IllegalStateException(source.describe() + " yielded " + at + " images, declared " + out.length);
        return out;
    }

    /**
     * This classifier's {@code attribute} alone, with its class ids mapped by name onto {@code classes} (e.g. the order
     * of a reference folder's labels); a class the classifier predicts that is not in {@code classes} is a model
     * contract violation.
     */
    default AttributeClassifier restrictedTo(String attribute, List<String> classes) {
        return OneAttributeView.of(this, attribute, classes);
    }

    /** A one-attribute classifier predicting the argmax of {@code logits}, which must give one logit per class. */
    static AttributeClassifier fromLogits(ImageFeatureExtractor logits, String attribute, List<String> classes) {
        return ArgmaxClassifier.of(logits, attribute, classes);
    }
}
