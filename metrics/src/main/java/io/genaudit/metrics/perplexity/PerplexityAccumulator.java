package io.genaudit.metrics.perplexity;

import java.util.ArrayList;
import java.util.List;

/**
 * Streaming perplexity state in the torchmetrics style: {@link #update} per document, {@link #merge} across shards,
 * {@link #compute} at the end. Keeps the per-document scores for their distribution and the bootstrap.
 */
public final class PerplexityAccumulator {
    private final List<DocumentScore> documents = new ArrayList<>();
    private double nll;
    private long tokens;
    private long bytes;
    private long words;

    public void update(DocumentScore d) {
        if (d.tokens() < 0 || d.bytes() < 0 || d.words() < 0 || !Double.isFinite(d.nllNats())) {
            throw new IllegalArgumentException("invalid document score " + d);
        }
        documents.add(d);
        nll += d.nllNats();
        tokens += d.tokens();
        bytes += d.bytes();
        words += d.words();
    }

    /** Adds another shard's documents (after this one's, so the order stays deterministic). */
    public void merge(PerplexityAccumulator other) {
        for (DocumentScore d : other.documents) update(d);
    }

    public List<DocumentScore> documents() {
        return List.copyOf(documents);
    }

    public long tokens() {
        return tokens;
    }

    public PerplexityResult compute() {
        return of(nll, tokens, bytes, words, documents.size());
    }

    /** The figures for given sums (shared with the bootstrap so both use one definition). */
    static PerplexityResult of(double nll, long tokens, long bytes, long words, int documents) {
        double ln2 = Math.log(2);
        return new PerplexityResult(
                tokens == 0 ? Double.NaN : Math.exp(nll / tokens),
                words == 0 ? Double.NaN : Math.exp(nll / words),
                bytes == 0 ? Double.NaN : Math.exp(nll / bytes),
                bytes == 0 ? Double.NaN : nll / (ln2 * bytes),
                nll, tokens, bytes, words, documents);
    }
}
