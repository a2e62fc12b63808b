package io.genaudit.engine.image;

import io.genaudit.engine.ModelContractException;

import java.util.List;
import java.util.Map;

/** A one-attribute {@link AttributeClassifier}: the argmax over an extractor's outputs, one logit per class. */
record ArgmaxClassifier(ImageFeatureExtractor logits, String attribute, List<String> classes) implements AttributeClassifier {
    static ArgmaxClassifier of(ImageFeatureExtractor logits, String attribute, List<String> classes) {
        if (logits.dimension() != classes.size()) {
            throw new ModelContractException(logits.describe(), classes.size() + " logits (one per class " + classes + ")", logits.dimension() + " outputs");
        }
        return new ArgmaxClassifier(logits, attribute, List.copyOf(classes));
    }

    @Override
    public List<String> attributes() {
        return List.of(attribute);
    }

    @Override
    public List<String> classes(String a) {
        return classes;
    }

    @Override
    public Map<String, int[]> predict(Images batch) {
        double[][] z = logits.extract(batch);
        int[] out = new int[z.length];
        for (int i = 0; i < z.length; i++) {
            int best = 0;
            for (int c = 1; c < z[i].length; c++) if (z[i][c] > z[i][best]) best = c;
            out[i] = best;
        }
        return Map.of(attribute, out);
    }

    @Override
    public String describe() {
        return "argmax of " + logits.describe() + " over " + classes;
    }
}
