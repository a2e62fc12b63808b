package io.genaudit.metrics.perplexity;

import io.genaudit.engine.lm.Tokenizer;

/** Test tokenizer: each character of {@code alphabet} is one id (its index); an optional BOS id after the alphabet. */
public final class CharTokenizer implements Tokenizer {
    private final String alphabet;
    private final boolean bos;

    public CharTokenizer(String alphabet, boolean bos) {
        this.alphabet = alphabet;
        this.bos = bos;
    }

    @Override
    public int[] encode(String text) {
        int[] ids = new int[text.length()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = alphabet.indexOf(text.charAt(i));
            if (ids[i] < 0) throw new IllegalArgumentException("character not in alphabet: " + text.charAt(i));
        }
        return ids;
    }

    @Override
    public String decode(int[] ids) {
        StringBuilder sb = new StringBuilder();
        for (int id : ids) if (id < alphabet.length()) sb.append(alphabet.charAt(id));
        return sb.toString();
    }

    @Override
    public int vocabSize() {
        return alphabet.length() + (bos ? 1 : 0);
    }

    @Override
    public int bosId() {
        return bos ? alphabet.length() : -1;
    }

    @Override
    public String name() {
        return "chars";
    }
}
