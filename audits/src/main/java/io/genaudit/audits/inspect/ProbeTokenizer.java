package io.genaudit.audits.inspect;

import io.genaudit.engine.lm.Tokenizer;

/** A two-token stand-in vocabulary so that a language model can be probed before its tokenizer is known. */
final class ProbeTokenizer implements Tokenizer {
    @Override
    public int[] encode(String text) {
        return new int[0];
    }

    @Override
    public String decode(int[] ids) {
        return "";
    }

    @Override
    public int vocabSize() {
        return 2;
    }

    @Override
    public String name() {
        return "none (probe)";
    }
}
