package io.genaudit.engine.lm;

import java.nio.file.Path;

/** Resolves a plan's or command line's tokenizer setting: {@code bytes} or the path of a local tokenizer.json. */
public final class Tokenizers {
    private Tokenizers() {
    }

    /** {@code bytes} gives {@link ByteTokenizer}; anything else is read as a tokenizer.json path relative to {@code base}. */
    public static Tokenizer resolve(String spec, Path base) {
        if (spec == null || spec.equals("bytes")) return ByteTokenizer.INSTANCE;
        Path p = Path.of(spec);
        if (!p.isAbsolute() && base != null) p = base.resolve(p);
        return HuggingFaceTokenizer.load(p);
    }
}
