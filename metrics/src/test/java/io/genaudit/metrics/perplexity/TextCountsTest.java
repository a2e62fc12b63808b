package io.genaudit.metrics.perplexity;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Expected values are Python's {@code len(re.split(r"\s+", s))} and {@code len(s.encode("utf-8"))}. */
class TextCountsTest {
    @Test
    void wordsFollowLmEvalRegexSplit() {
        assertEquals(1, TextCounts.words(""));
        assertEquals(3, TextCounts.words("the cat sat"));
        assertEquals(4, TextCounts.words(" a b\n"));       // ['', 'a', 'b', '']
        assertEquals(2, TextCounts.words("a \t\n b"));
        assertEquals(3, TextCounts.words("a\u00a0b\u2028c")); // NBSP and LINE SEPARATOR are str.isspace()
        assertEquals(2, TextCounts.words("a\u001fb"));        // unit separator is whitespace in Python
        assertEquals(1, TextCounts.words("a\u200bb"));        // zero-width space is not
    }

    @Test
    void bytesAreUtf8Length() {
        assertEquals(0, TextCounts.bytes(""));
        assertEquals(5, TextCounts.bytes("héllo".substring(0, 4)));
        assertEquals(4, TextCounts.bytes("\uD83D\uDE00"));
    }
}
