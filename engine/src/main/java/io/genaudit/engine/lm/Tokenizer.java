package io.genaudit.engine.lm;

/** Maps text to token ids and back. {@code bytes} (UTF-8 bytes as ids 0..255) or a Hugging Face tokenizer.json. */
public interface Tokenizer {
    int[] encode(String text);

    String decode(int[] ids);

    int vocabSize();

    /** The beginning-of-text id the tokenizer prepends, or -1 when it adds none (then the first token is never scored). */
    default int bosId() {
        return -1;
    }

    /** The end-of-sequence id that ends generation (not returned with the new tokens), or -1 when there is none. */
    default int eosId() {
        return -1;
    }

    /** A short name for provenance, e.g. {@code bytes} or {@code tokenizer.json sha256:...}. */
    String name();
}
