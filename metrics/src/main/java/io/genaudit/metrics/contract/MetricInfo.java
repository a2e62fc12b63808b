package io.genaudit.metrics.contract;

import java.util.Objects;

/**
 * What a metric says about itself, used by plans, gates, comparisons, the command line and the report.
 *
 * @param name         the name plans use in {@code metric:} and the command line's subcommand (lower case, '-' separated)
 * @param title        a short human title ("Fréchet Inception Distance")
 * @param summary      one sentence: what it measures and against what; the command's description
 * @param direction    whether higher or lower values are better (comparisons, baseline gates, history charts)
 * @param docPage      the documentation page, relative to the repository root (e.g. {@code docs/metrics/fid.md})
 * @param mergeability whether the state is a fixed-size summary or keeps every item
 * @param aliases      other names of the command line's subcommand (an older command name kept working); plans use {@code name} only
 */
public record MetricInfo(String name, String title, String summary, Direction direction, String docPage, Mergeability mergeability,
                         java.util.List<String> aliases) {
    /** Without command aliases. */
    public MetricInfo(String name, String title, String summary, Direction direction, String docPage, Mergeability mergeability) {
        this(name, title, summary, direction, docPage, mergeability, java.util.List.of());
    }

    public MetricInfo {
        aliases = java.util.List.copyOf(aliases);
        for (String a : aliases) if (!a.matches("[a-z][a-z0-9-]*")) throw new IllegalArgumentException("command alias must be lower case with '-': " + a);
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(docPage, "docPage");
        Objects.requireNonNull(mergeability, "mergeability");
        if (!name.matches("[a-z][a-z0-9-]*")) throw new IllegalArgumentException("metric name must be lower case with '-': " + name);
    }

    /** Which way is better. */
    public enum Direction {
        HIGHER_IS_BETTER, LOWER_IS_BETTER, NEITHER;

        /** True, false, or null when neither direction is better. */
        public Boolean higherIsBetter() {
            return this == NEITHER ? null : this == HIGHER_IS_BETTER;
        }
    }

    /**
     * How a state merges. {@code SUMMARY}: the state has a size independent of the item count (sums, moments,
     * n-gram counts) and merging is exact up to rounding. {@code ITEMS}: the exact value needs every item (kernel
     * subsets, nearest neighbours, ranks, bootstrap resamples), so the state keeps them; merging concatenates.
     */
    public enum Mergeability {
        SUMMARY, ITEMS
    }
}
