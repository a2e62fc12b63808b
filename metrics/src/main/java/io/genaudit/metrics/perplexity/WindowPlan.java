package io.genaudit.metrics.perplexity;

import io.genaudit.engine.lm.Tokenizer;

import java.util.List;

/**
 * How a document's token sequence (prefix token included) is cut into model calls for perplexity: the Hugging Face
 * sliding window ({@link SlidingWindowPlan}) or lm-evaluation-harness's rolling windows ({@link RollingWindowPlan}).
 * Either way every position from 1 on is scored exactly once; position 0 (the prefix token, or the document's first
 * token when there is none) has no context and is never scored.
 */
public interface WindowPlan {
    /** The windows for a sequence of {@code n} tokens. */
    List<SlidingWindowPlan.Window> windows(int n);

    /** The most tokens a window feeds the model (a window may hold one more: its last token is only a target). */
    int contextLength();

    /** {@code sliding} or {@code rolling}. */
    String method();

    /**
     * The prefix token {@code --prefix-token auto} means for this method, or -1 for none: the sliding recipe
     * prepends what the tokenizer itself prepends ({@code tokenizer(text)}); rolling follows lm-eval.
     */
    int autoPrefix(Tokenizer tokenizer);

    /** The exact number of tokens scored in a sequence of {@code n} tokens. */
    default long scoredTokens(int n) {
        long s = 0;
        for (SlidingWindowPlan.Window w : windows(n)) s += w.targets();
        return s;
    }
}
