package io.genaudit.metrics.perplexity;

import java.util.ArrayList;
import java.util.List;

/**
 * One document of a corpus with its name, so per-document scores say which document they belong to.
 *
 * @param id   the file (relative to the corpus folder) or FILE#k for the k-th paragraph of one file
 * @param text the document's text
 */
public record TextDocument(String id, String text) {
    /** Texts named #1, #2, ... in order. */
    public static List<TextDocument> numbered(List<String> texts) {
        List<TextDocument> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) out.add(new TextDocument("#" + (i + 1), texts.get(i)));
        return out;
    }
}
