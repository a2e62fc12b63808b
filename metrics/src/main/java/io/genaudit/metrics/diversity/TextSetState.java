package io.genaudit.metrics.diversity;

import io.genaudit.metrics.contract.MetricState;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.TreeMap;

/**
 * The diversity metric's state: per set (generations, reference) the mergeable n-gram counts behind distinct-n and
 * entropy, and the texts themselves keyed by index, which self-BLEU, the Vendi score and the half-sampling intervals
 * need — so the state grows with the texts (an ITEMS state) and merges by union.
 */
public final class TextSetState implements MetricState<TextSample, TextSetState> {
    private static final long serialVersionUID = 1L;
    private final TextTokens tokens;
    private final EnumMap<TextSample.Set, TreeMap<Long, TextSample>> texts = new EnumMap<>(TextSample.Set.class);
    private final EnumMap<TextSample.Set, NgramCounts> counts = new EnumMap<>(TextSample.Set.class);

    /** An empty state that tokenizes texts with {@code tokens}. */
    public TextSetState(TextTokens tokens) {
        this.tokens = tokens;
        for (TextSample.Set s : TextSample.Set.values()) {
            texts.put(s, new TreeMap<>());
            counts.put(s, new NgramCounts());
        }
    }

    /** Adds one text; a second text with the same set and index is an error (overlapping shards). */
    public TextSetState add(TextSample t) {
        if (texts.get(t.set()).putIfAbsent(t.index(), t) != null) {
            throw new IllegalArgumentException(t.set().name().toLowerCase(java.util.Locale.ROOT) + " text " + t.index() + " given twice; shards must not overlap");
        }
        counts.get(t.set()).add(tokens.tokens(t.text()));
        return this;
    }

    /** Adds every text and count of {@code other} (tokenized the same way). */
    public TextSetState merge(TextSetState other) {
        if (other.tokens != tokens) throw new IllegalArgumentException("cannot merge states tokenized " + tokens.label() + " and " + other.tokens.label());
        for (TextSample.Set s : TextSample.Set.values()) {
            for (TextSample t : other.texts.get(s).values()) {
                if (texts.get(s).putIfAbsent(t.index(), t) != null) throw new IllegalArgumentException("text " + t.index() + " given twice; shards must not overlap");
            }
            counts.get(s).merge(other.counts.get(s));
        }
        return this;
    }

    /** The texts of {@code set} in index order. */
    public List<TextSample> texts(TextSample.Set set) {
        return new ArrayList<>(texts.get(set).values());
    }

    /** The n-gram counts of {@code set}. */
    public NgramCounts counts(TextSample.Set set) {
        return counts.get(set);
    }

    /** How texts become tokens. */
    public TextTokens tokens() {
        return tokens;
    }
}
