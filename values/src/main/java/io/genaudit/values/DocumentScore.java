package io.genaudit.values;

import java.io.Serializable;

/**
 * One document scored by a language model: the summed negative log-likelihood (nats) of its scored tokens, how many
 * tokens were scored, and the UTF-8 byte and word counts of its original text (lm-evaluation-harness's denominators).
 * The perplexity metric's input, the run record's {@code per_document} entries and what {@code genaudit compare}
 * pairs two models on, so every reader sees the same typed record instead of a string-keyed map.
 *
 * @param index   the document's position in its corpus (0-based): the order of the corpus, independent of shards
 * @param id      the document's name (its file, or FILE#k for the k-th paragraph of one file)
 * @param nllNats summed negative log-likelihood of the scored tokens, in nats
 * @param tokens  scored tokens
 * @param bytes   UTF-8 bytes of the document's text
 * @param words   whitespace-separated pieces of the text (lm-evaluation-harness's {@code count_words})
 */
public record DocumentScore(long index, String id, double nllNats, long tokens, long bytes, long words) implements Serializable {
    public DocumentScore {
        if (index < 0 || tokens < 0 || bytes < 0 || words < 0 || !Double.isFinite(nllNats)) {
            throw new IllegalArgumentException("invalid document score: index " + index + ", nll " + nllNats + " nats, "
                    + tokens + " tokens, " + bytes + " bytes, " + words + " words");
        }
        if (id == null) id = "#" + (index + 1);
    }

    /** exp(NLL / tokens); NaN when no token was scored (a one-token document without a prefix token). */
    public double tokenPerplexity() {
        return tokens == 0 ? Double.NaN : Math.exp(nllNats / tokens);
    }
}
