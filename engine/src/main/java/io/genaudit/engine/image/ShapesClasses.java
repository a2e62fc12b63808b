package io.genaudit.engine.image;

import io.genaudit.datasets.BuiltInDatasets;

import java.util.List;
import java.util.Map;

/**
 * The class order of the shapes fixture's attributes (shape, colour, size) as the fixture defines them, used when
 * reading its labels.csv so class ids agree everywhere (training, classifiers, bias probes).
 */
public final class ShapesClasses {
    private ShapesClasses() {
    }

    public static final Map<String, List<String>> ORDER = BuiltInDatasets.shapesAttributes();
}
