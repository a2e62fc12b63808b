package io.genaudit.engine.image;

import io.genaudit.engine.ModelContractException;

import java.util.List;

/** One attribute of an {@link AttributeClassifier}, its class ids renumbered onto a given class order. */
record OneAttributeView(AttributeClassifier source, String attribute, List<String> classes, int[] renumber)
        implements SingleAttributeClassifier {
    static OneAttributeView of(AttributeClassifier source, String attribute, List<String> classes) {
        if (!source.attributes().contains(attribute)) {
            throw new ModelContractException(source.describe(), "attribute " + attribute, "attributes " + source.attributes());
        }
        List<String> own = source.classes(attribute);
        int[] map = new int[own.size()];
        for (int i = 0; i < own.size(); i++) {
            map[i] = classes.indexOf(own.get(i));
            if (map[i] < 0) throw new ModelContractException(source.describe(), "classes " + classes + " for attribute " + attribute, own.toString());
        }
        return new OneAttributeView(source, attribute, List.copyOf(classes), map);
    }

    @Override
    public int[] predictClasses(Images batch) {
        int[] p = source.predict(batch).get(attribute);
        int[] out = new int[p.length];
        for (int i = 0; i < p.length; i++) out[i] = renumber[p[i]];
        return out;
    }

    @Override
    public String describe() {
        return source.describe() + " [" + attribute + "]";
    }
}
