package io.genaudit.metrics.perplexity;

import io.genaudit.metrics.contract.MetricState;
import io.genaudit.values.DocumentScore;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The perplexity metric's state: every document's score keyed by its corpus index, so shards merge in any order into
 * the same corpus (the bootstrap resamples documents, so the state keeps them all rather than only the sums).
 */
public final class DocumentScoreState implements MetricState<DocumentScore, DocumentScoreState> {
    private static final long serialVersionUID = 1L;
    private final TreeMap<Long, DocumentScore> documents = new TreeMap<>();

    /** Adds one document; a second score for the same index is an error (two shards overlapping). */
    public DocumentScoreState add(DocumentScore d) {
        DocumentScore before = documents.putIfAbsent(d.index(), d);
        if (before != null) {
            throw new IllegalArgumentException("document " + d.index() + " ('" + d.id() + "') scored twice; shards must not overlap");
        }
        return this;
    }

    /** Adds every document of {@code other}. */
    public DocumentScoreState merge(DocumentScoreState other) {
        other.documents.values().forEach(this::add);
        return this;
    }

    /** The documents in corpus order. */
    public List<DocumentScore> documents() {
        return new ArrayList<>(documents.values());
    }
}
