package io.genaudit.engine.lm.transformer;

/**
 * Architecture of the built-in decoder-only Transformer: vocabulary, context length, width, heads, blocks and MLP
 * width. {@link #tiny()} trains in seconds (tests); {@link #small()} is the demo model.
 */
public record TransformerConfig(String size, int vocabSize, int contextLength, int dModel, int heads, int layers, int mlpHidden) {
    public TransformerConfig {
        if (dModel % heads != 0) throw new IllegalArgumentException("dModel " + dModel + " not divisible by heads " + heads);
        if (vocabSize < 2 || contextLength < 2 || layers < 1 || mlpHidden < 1) throw new IllegalArgumentException("invalid transformer sizes");
    }

    /** 1 block, width 32, 2 heads, context 64 (about 32k parameters). */
    public static TransformerConfig tiny() {
        return new TransformerConfig("tiny", 256, 64, 32, 2, 1, 128);
    }

    /** 2 blocks, width 64, 4 heads, context 128 (about 140k parameters). */
    public static TransformerConfig small() {
        return new TransformerConfig("small", 256, 128, 64, 4, 2, 256);
    }

    /** {@code tiny} or {@code small}. */
    public static TransformerConfig forSize(String size) {
        return switch (size) {
            case "tiny" -> tiny();
            case "small" -> small();
            default -> throw new IllegalArgumentException("size must be tiny or small, got '" + size + "'");
        };
    }

    public int headDim() {
        return dModel / heads;
    }
}
