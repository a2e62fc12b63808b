package io.genaudit.metrics.perplexity;

import io.genaudit.engine.lm.Tokenizer;

import java.util.ArrayList;
import java.util.List;

/**
 * lm-evaluation-harness's {@code loglikelihood_rolling} windows: {@code get_rolling_token_windows} with context length
 * 1 followed by {@code make_disjoint_window}. On a sequence whose position 0 is the prefix token, the first window
 * feeds positions {@code [0, L)} and scores {@code 1..L}; each later one scores the next (at most) L positions and
 * feeds the L positions before its last target, so the final, shorter window still sees a full L-token context.
 *
 * @param maxLength lm-eval's {@code max_length}: the model's context length by default
 */
public record RollingWindowPlan(int maxLength) implements WindowPlan {
    public RollingWindowPlan {
        if (maxLength < 1) throw new IllegalArgumentException("max length must be at least 1, got " + maxLength);
    }

    @Override
    public List<SlidingWindowPlan.Window> windows(int n) {
        List<SlidingWindowPlan.Window> out = new ArrayList<>();
        int m = n - 1; // targets: positions 1..n-1 (lm-eval's token_list, after the prefix)
        if (m < 1) return out;
        int first = Math.min(maxLength, m);
        out.add(new SlidingWindowPlan.Window(0, first + 1, 1));
        int predicted = first;
        while (predicted < m) {
            int predLen = Math.min(m - predicted, maxLength);
            int end = predicted + predLen; // in token_list coordinates; +1 in sequence coordinates
            out.add(new SlidingWindowPlan.Window(end - maxLength, end + 1, end - predLen + 1));
            predicted = end;
        }
        return out;
    }

    @Override
    public int contextLength() {
        return maxLength;
    }

    @Override
    public String method() {
        return "rolling";
    }

    /** lm-eval's {@code prefix_token_id}: the BOS token if the tokenizer has one, else EOS (-1 when it has neither). */
    @Override
    public int autoPrefix(Tokenizer tokenizer) {
        int bos = tokenizer.declaredBosId();
        return bos >= 0 ? bos : tokenizer.eosId();
    }
}
