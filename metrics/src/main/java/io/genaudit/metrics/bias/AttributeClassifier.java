package io.genaudit.metrics.bias;

import io.genaudit.engine.image.ImageFeatureExtractor;
import io.genaudit.engine.image.ImageSource;
import io.genaudit.engine.image.Images;
import io.genaudit.engine.ModelContractException;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Predicts one categorical attribute (e.g. colour) of images. Image bias probes measure a generator's attribute
 * distribution through it; any {@link ImageFeatureExtractor} whose outputs are class logits (a user TorchScript/ONNX
 * classifier, genaudit's fixture-trained one) becomes one with {@link #fromLogits}.
 */
public interface AttributeClassifier {
    /** Class names; predictions are indices into this list. */
    List<String> classes();

    /** The predicted class of each image in the batch. */
    int[] predict(Images batch);

    String describe();

    /** Predictions for every image of a source, batch by batch. */
    default int[] predictAll(ImageSource source, int batchSize) {
        int[] out = new int[source.size()];
        int at = 0;
        for (Iterator<Images> it = source.batches(batchSize); it.hasNext(); ) {
            int[] p = predict(it.next());
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        if (at != out.length) throw new IllegalStateException(source.describe() + " yielded " + at + " images, declared " + out.length);
        return out;
    }

    /**
     * One attribute of a multi-attribute classifier (e.g. colour of genaudit's shapes CNN), with its class ids mapped
     * by name onto {@code classes} (the order of the reference labels).
     */
    static AttributeClassifier forAttribute(io.genaudit.engine.image.AttributeClassifier multi, String attribute, List<String> classes) {
        List<String> own = multi.classes(attribute);
        int[] map = new int[own.size()];
        for (int i = 0; i < own.size(); i++) {
            map[i] = classes.indexOf(own.get(i));
            if (map[i] < 0) {
                throw new ModelContractException(multi.describe(), "classes " + classes + " for attribute " + attribute, own.toString());
            }
        }
        List<String> names = List.copyOf(classes);
        return new AttributeClassifier() {
            public List<String> classes() {
                return names;
            }

            public int[] predict(Images batch) {
                int[] p = multi.predict(batch).get(attribute);
                int[] out = new int[p.length];
                for (int i = 0; i < p.length; i++) out[i] = map[p[i]];
                return out;
            }

            public String describe() {
                return multi.describe() + " [" + attribute + "]";
            }
        };
    }

    /** Argmax over the extractor's outputs, which must be one logit per class. */
    static AttributeClassifier fromLogits(ImageFeatureExtractor logits, List<String> classes) {
        if (logits.dimension() != classes.size()) {
            throw new ModelContractException(logits.describe(), classes.size() + " logits (one per class " + classes + ")", logits.dimension() + " outputs");
        }
        List<String> names = List.copyOf(classes);
        return new AttributeClassifier() {
            public List<String> classes() {
                return names;
            }

            public int[] predict(Images batch) {
                double[][] z = logits.extract(batch);
                int[] out = new int[z.length];
                for (int i = 0; i < z.length; i++) {
                    int best = 0;
                    for (int c = 1; c < z[i].length; c++) if (z[i][c] > z[i][best]) best = c;
                    out[i] = best;
                }
                return out;
            }

            public String describe() {
                return "argmax of " + logits.describe() + " over " + names;
            }
        };
    }

    /** Class names 0..k-1 as strings, for classifiers without names. */
    static List<String> indexNames(int k) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < k; i++) out.add("class " + i);
        return out;
    }
}
