package io.genaudit.engine.image;

import io.genaudit.engine.ModelContractException;

import java.util.List;

/** A one-attribute {@link SingleAttributeClassifier}: the argmax over an extractor's outputs, one logit per class. */
record ArgmaxClassifier(ImageFeatureExtractor logits, String attribute, List<String> classes) implements SingleAttributeClassifier {
    static ArgmaxClassifier of(ImageFeatureExtractor logits, String attribute, List<String> classes) {
        if (logits.dimension() != classes.size()) {
            throw new ModelContractException(logits.describe(), classes.size() + " logits (one per class " + classes + ")", logits.dimension() + " outputs");
        }
        return new ArgmaxClassifier(logits, attribute, List.copyOf(classes));
    }

    @Override
    public int[] predictClasses(Images batch) {
        double[][] z = logits.extract(batch);
        int[] out = new int[z.length];
        for (int i = 0; i < z.length; i++) {
            int best = 0;
            for (int c = 1; c < z[i].length; c++) if (z[i][c] > z[i][best]) best = c;
            out[i] = best;
        }
        return out;
    }

    @Override
    public String describe() {
        return "argmax of " + logits.describe() + " over " + classes;
    }
}
