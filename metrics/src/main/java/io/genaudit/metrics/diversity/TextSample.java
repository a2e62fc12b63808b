package io.genaudit.metrics.diversity;

import java.io.Serializable;

/**
 * One text for the diversity metric: a generation of the audited model, or a piece of reference text cut to the
 * generations' length. The index orders texts within their set independently of shards.
 *
 * @param set    generations or reference
 * @param index  position within its set (0-based)
 * @param id     a name for the text ("line 3", "sample 12")
 * @param prompt the prompt a generation continued, or null
 * @param text   the text
 */
public record TextSample(Set set, long index, String id, String prompt, String text) implements Serializable {
    /** Which set a text belongs to. */
    public enum Set { GENERATED, REFERENCE }

    public TextSample {
        if (set == null || text == null || index < 0) throw new IllegalArgumentException("a text sample needs a set, an index >= 0 and a text");
    }
}
