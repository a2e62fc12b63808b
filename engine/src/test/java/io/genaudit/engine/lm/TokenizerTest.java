package io.genaudit.engine.lm;

import io.genaudit.engine.InputException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class TokenizerTest {
    static final Path MODELS = Path.of("..", "fixtures", "lm-models");

    @Test
    void bytesRoundTripUtf8() {
        Tokenizer t = Tokenizers.resolve("bytes", null);
        assertArrayEquals(new int[]{104, 105}, t.encode("hi"));
        assertEquals(2, t.encode("\u00e9").length);
        assertEquals("h\u00e9llo", t.decode(t.encode("h\u00e9llo")));
        assertEquals(256, t.vocabSize());
        assertEquals(-1, t.bosId());
        assertThrows(IllegalArgumentException.class, () -> t.decode(new int[]{256}));
    }

    @Test
    void huggingFaceWordLevelFromLocalFile() {
        try (HuggingFaceTokenizer t = HuggingFaceTokenizer.load(MODELS.resolve("tokenizer.json"))) {
            // ids as assigned in fixtures/lm-models/make_lm_models.py: [UNK]=0, the=1, a=2, cat=3, dog=4, sat=5
            assertArrayEquals(new int[]{1, 3, 5}, t.encode("The cat sat"));
            assertArrayEquals(new int[]{1, 0}, t.encode("the unicorn"));
            assertEquals("the cat sat", t.decode(new int[]{1, 3, 5}));
            assertEquals(18, t.vocabSize()); // 17 words + [UNK]
            assertTrue(t.name().startsWith("tokenizer.json sha256:"));
        }
    }

    @Test
    void missingTokenizerNamesTheFile() {
        InputException e = assertThrows(InputException.class, () -> Tokenizers.resolve("no/such/tokenizer.json", null));
        assertTrue(e.getMessage().contains("no/such/tokenizer.json"), e.getMessage());
    }
}
