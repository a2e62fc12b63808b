package io.genaudit.metrics.perplexity;

import io.genaudit.engine.lm.Tokenizer;

/**
 * The {@code --prefix-token} / {@code prefixToken} setting: {@code auto} (the method's rule, {@link WindowPlan#autoPrefix}),
 * {@code none}, or a token id put before every document.
 */
public record PrefixToken(String spec, int id) {
    public static final PrefixToken AUTO = new PrefixToken("auto", -1);

    /** Parses {@code auto}, {@code none} or a non-negative integer; anything else is an IllegalArgumentException. */
    public static PrefixToken parse(String text) {
        if (text == null || text.equals("auto")) return AUTO;
        if (text.equals("none")) return new PrefixToken("none", -1);
        try {
            int id = Integer.parseInt(text.strip());
            if (id < 0) throw new NumberFormatException();
            return new PrefixToken(text.strip(), id);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("auto, none or a token id >= 0 expected, got '" + text + "'");
        }
    }

    /** The token id to put before documents under {@code plan}, or -1 for none. */
    public int resolve(WindowPlan plan, Tokenizer tokenizer) {
        return switch (spec) {
            case "auto" -> plan.autoPrefix(tokenizer);
            case "none" -> -1;
            default -> id;
        };
    }
}
