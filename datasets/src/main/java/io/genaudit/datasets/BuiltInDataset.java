package io.genaudit.datasets;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A deterministic data set that genaudit generates from a seed rather than downloads. Plans name it as
 * {@code fixture:NAME}; it is written once into a cache directory and read from there like any user data.
 * Implementations are registered in META-INF/services/io.genaudit.datasets.BuiltInDataset.
 */
public interface BuiltInDataset {
    /** The name used in plans, e.g. {@code markov-train}, {@code shapes}. */
    String name();

    /** One sentence on what it is and what is known about it analytically. */
    String description();

    /**
     * Writes the data set into {@code dir} (created if needed) and returns the path to hand to readers (a file or a
     * folder inside {@code dir}). Same seed, same bytes. Called again on a directory it already filled, it must only
     * return the path without rewriting anything.
     */
    Path materialize(Path dir, long seed) throws IOException;
}
