package io.genaudit.engine.image;

import java.util.List;
import java.util.Map;

/** An {@link AttributeClassifier} of one attribute: it names the attribute and its classes and predicts one id per image. */
public interface SingleAttributeClassifier extends AttributeClassifier {
    String attribute();

    /** Class names; a predicted id indexes this list. */
    List<String> classes();

    /** The predicted class id of each image. */
    int[] predictClasses(Images batch);

    @Override
    default List<String> attributes() {
        return List.of(attribute());
    }

    @Override
    default List<String> classes(String attribute) {
        if (!attribute.equals(attribute())) throw new IllegalArgumentException(describe() + " classifies " + attribute() + ", not " + attribute);
        return classes();
    }

    @Override
    default Map<String, int[]> predict(Images batch) {
        return Map.of(attribute(), predictClasses(batch));
    }
}
