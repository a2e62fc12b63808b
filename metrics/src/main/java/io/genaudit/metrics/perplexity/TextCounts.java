package io.genaudit.metrics.perplexity;

import java.nio.charset.StandardCharsets;

/**
 * The word and byte counts lm-evaluation-harness divides a document's log-likelihood by: words are
 * {@code len(re.split(r"\s+", doc))} (so leading or trailing whitespace adds an empty "word", as in the harness) and
 * bytes are {@code len(doc.encode("utf-8"))}. Whitespace is Python's {@code str.isspace()}.
 */
public final class TextCounts {
    private TextCounts() {
    }

    /** lm-eval's {@code count_words}: the number of pieces when splitting on runs of whitespace (runs + 1). */
    public static long words(String doc) {
        long runs = 0;
        boolean inRun = false;
        for (int i = 0; i < doc.length(); ) {
            int cp = doc.codePointAt(i);
            boolean ws = isPythonSpace(cp);
            if (ws && !inRun) runs++;
            inRun = ws;
            i += Character.charCount(cp);
        }
        return runs + 1;
    }

    /** lm-eval's {@code count_bytes}: UTF-8 length. */
    public static long bytes(String doc) {
        return doc.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Python's {@code str.isspace()}: bidirectional class WS, B or S, or general category Zs. */
    static boolean isPythonSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85;
    }
}
