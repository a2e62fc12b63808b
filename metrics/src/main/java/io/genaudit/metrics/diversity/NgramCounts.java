package io.genaudit.metrics.diversity;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Corpus n-gram counts of orders 1..{@value DiversityMetrics#MAX_N}, mergeable by adding counts: all distinct-n and
 * n-gram entropy need (a fixed-size summary per n-gram, whatever the number of texts). N-grams never cross texts.
 */
public final class NgramCounts implements Serializable {
    private static final long serialVersionUID = 1L;
    private final HashMap<List<String>, Long>[] counts;

    @SuppressWarnings("unchecked")
    public NgramCounts() {
        counts = new HashMap[DiversityMetrics.MAX_N];
        for (int n = 0; n < counts.length; n++) counts[n] = new HashMap<>();
    }

    /** The counts of {@code texts}. */
    public static NgramCounts of(List<List<String>> texts) {
        NgramCounts c = new NgramCounts();
        texts.forEach(c::add);
        return c;
    }

    /** Adds one tokenized text's n-grams. */
    public NgramCounts add(List<String> tokens) {
        for (int n = 1; n <= counts.length; n++) {
            for (int s = 0; s + n <= tokens.size(); s++) counts[n - 1].merge(List.copyOf(tokens.subList(s, s + n)), 1L, Long::sum);
        }
        return this;
    }

    /** Adds {@code other}'s counts. */
    public NgramCounts merge(NgramCounts other) {
        for (int n = 0; n < counts.length; n++) {
            for (Map.Entry<List<String>, Long> e : other.counts[n].entrySet()) counts[n].merge(e.getKey(), e.getValue(), Long::sum);
        }
        return this;
    }

    /** The counts of every n-gram of order {@code n}, ascending (a canonical order, so sums do not depend on merge order). */
    public long[] totals(int n) {
        long[] t = counts[n - 1].values().stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(t);
        return t;
    }
}
