package io.genaudit.metrics.perplexity;

import java.util.ArrayList;
import java.util.List;

/**
 * How a long token sequence is cut into model-sized windows for perplexity, following the Hugging Face recipe
 * "Perplexity of fixed-length models": windows begin at multiples of {@code stride}, end at
 * {@code min(begin + contextLength, n)}, and each window scores only the tokens no earlier window scored. Position 0 of
 * the sequence is never a target (it has no context); a tokenizer's BOS, when it has one, is prepended by the caller so
 * the first real token is scored.
 *
 * @param contextLength the window length (at most the model's context length), HF's {@code max_length}
 * @param stride        how far consecutive windows start apart; {@code stride == contextLength} gives non-overlapping
 *                      windows whose first token is unscored, smaller strides give every target more context
 */
public record SlidingWindowPlan(int contextLength, int stride) implements WindowPlan {
    public SlidingWindowPlan {
        if (contextLength < 2) throw new IllegalArgumentException("context length must be at least 2, got " + contextLength);
        if (stride < 1 || stride > contextLength) {
            throw new IllegalArgumentException("stride must be in [1, context length " + contextLength + "], got " + stride);
        }
    }

    /** Non-overlapping windows (stride = context length): cheapest, but each window's first token is not scored. */
    public static SlidingWindowPlan nonOverlapping(int contextLength) {
        return new SlidingWindowPlan(contextLength, contextLength);
    }

    /**
     * One window: tokens {@code [begin, end)} go to the model and targets {@code [firstTarget, end)} are scored, each
     * conditioned on the window's tokens before it.
     */
    public record Window(int begin, int end, int firstTarget) {
        public int length() {
            return end - begin;
        }

        public int targets() {
            return end - firstTarget;
        }

        /** Index of target {@code position} in the model's per-window log-probability array (entry t-1 scores token t). */
        public int logProbIndex(int position) {
            return position - begin - 1;
        }
    }

    /** The windows for a sequence of {@code n} tokens; every position in {@code [1, n)} is a target of at most one window. */
    @Override
    public List<Window> windows(int n) {
        List<Window> out = new ArrayList<>();
        if (n < 2) return out;
        int prevEnd = 0;
        for (int begin = 0; ; begin += stride) {
            int end = Math.min(begin + contextLength, n);
            int first = Math.max(prevEnd, begin + 1);
            if (first < end) out.add(new Window(begin, end, first));
            prevEnd = end;
            if (end == n) break;
        }
        return out;
    }

    @Override
    public String method() {
        return "sliding";
    }

    /** What the tokenizer prepends itself, as {@code tokenizer(text)} does in the Hugging Face recipe. */
    @Override
    public int autoPrefix(io.genaudit.engine.lm.Tokenizer tokenizer) {
        return tokenizer.bosId();
    }
}
