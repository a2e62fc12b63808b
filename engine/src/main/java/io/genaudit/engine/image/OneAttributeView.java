package io.genaudit.engine.image;

import io.genaudit.engine.ModelContractException;

import java.util.List;
import java.util.Map;

/** One attribute of an {@link AttributeClassifier}, its class ids renumbered onto a given class order. */
record OneAttributeView(AttributeClassifier source, String attribute, List<String> classes, int[] renumber)
        implements AttributeClassifier {
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
    public List<String> attributes() {
        return List.of(attribute);
    }

    @Override
    public List<String> classes(String a) {
        return classes;
    }

    @Override
    public Map<String, int[]> predict(Images batch) {
        int[] p = source.predict(batch).get(attribute);
        int[] out = new int[p.length];
        for (int i = 0; i < p.length; i++) out[i] = renumber[p[i]];
        return Map.of(attribute, out);
    }

    @Override
    public String describe() {
        return source.describe() + " [" + attribute + "]";
    }
}
