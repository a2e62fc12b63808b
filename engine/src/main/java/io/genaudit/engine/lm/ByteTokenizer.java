package io.genaudit.engine.lm;

import java.nio.charset.StandardCharsets;

/** UTF-8 bytes as token ids 0..255, no special tokens: the tokenizer of the built-in byte-level Transformer. */
public final class ByteTokenizer implements Tokenizer {
    /** The shared instance (stateless). */
    public static final ByteTokenizer INSTANCE = new ByteTokenizer();

    private ByteTokenizer() {
    }

    @Override
    public int[] encode(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        int[] ids = new int[b.length];
        for (int i = 0; i < b.length; i++) ids[i] = b[i] & 0xff;
        return ids;
    }

    @Override
    public String decode(int[] ids) {
        byte[] b = new byte[ids.length];
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0 || ids[i] > 255) throw new IllegalArgumentException("byte token id out of range 0..255: " + ids[i]);
            b[i] = (byte) ids[i];
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    @Override
    public int vocabSize() {
        return 256;
    }

    @Override
    public String name() {
        return "bytes";
    }
}
