package io.genaudit.datasets;

import java.util.Objects;

/**
 * A built-in data set whose name and description are fixed when it is made: the base of the shapes, bundled-file,
 * Markov-text and planted-association data sets.
 */
public abstract class NamedDataset implements BuiltInDataset {
    private final String name;
    private final String description;

    protected NamedDataset(String name, String description) {
        this.name = Objects.requireNonNull(name, "name");
        this.description = Objects.requireNonNull(description, "description");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }
}
