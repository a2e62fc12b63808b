package io.genaudit.metrics.diversity;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * How texts become tokens for diversity metrics: {@code whitespace} (Python's {@code str.split()}: runs of whitespace
 * separate tokens) or {@code bytes} (each UTF-8 byte is a token). Texygen tokenizes with NLTK's word_tokenize, which
 * also splits punctuation; pre-tokenize the text to reproduce that exactly.
 */
public enum TextTokens {
    WHITESPACE, BYTES;

    public static TextTokens of(String name) {
        return switch (name) {
            case "whitespace" -> WHITESPACE;
            case "bytes" -> BYTES;
            default -> throw new IllegalArgumentException("tokenizer must be whitespace or bytes, got '" + name + "'");
        };
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public List<String> tokens(String text) {
        if (this == BYTES) {
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            List<String> out = new ArrayList<>(b.length);
            for (byte x : b) out.add(Integer.toString(x & 0xff));
            return out;
        }
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean ws = Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85;
            if (ws && start >= 0) {
                out.add(text.substring(start, i));
                start = -1;
            } else if (!ws && start < 0) {
                start = i;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) out.add(text.substring(start));
        return out;
    }

    public List<List<String>> tokens(List<String> texts) {
        List<List<String>> out = new ArrayList<>(texts.size());
        for (String t : texts) out.add(tokens(t));
        return out;
    }

}
