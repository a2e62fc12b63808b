package io.genaudit.metrics.perplexity;

import io.genaudit.engine.lm.ByteTokenizer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * lm-eval's rolling windows (get_rolling_token_windows with context_len 1, then make_disjoint_window) worked out by
 * hand for one case, and their invariants for all small cases: every position after the prefix is scored once, the
 * model never sees more than max_length tokens, and every window but the first feeds exactly max_length tokens.
 */
class RollingWindowPlanTest {
    @Test
    void matchesLmEvalByHand() {
        // prefix + 10 tokens, max_length 4: lm-eval scores tokens [0,4) after [EOT], then [4,8) after tokens [3,7),
        // then [8,10) after tokens [5,9) (the last window keeps a full context): sequence positions are token + 1
        assertEquals(List.of(new SlidingWindowPlan.Window(0, 5, 1), new SlidingWindowPlan.Window(4, 9, 5),
                new SlidingWindowPlan.Window(6, 11, 9)), new RollingWindowPlan(4).windows(11));
        assertEquals(List.of(new SlidingWindowPlan.Window(0, 3, 1)), new RollingWindowPlan(4).windows(3));
        assertEquals(List.of(), new RollingWindowPlan(4).windows(1));
    }

    @Test
    void everyTokenScoredOnceWithinTheContext() {
        for (int l = 1; l <= 9; l++) {
            for (int n = 1; n <= 40; n++) {
                int[] scored = new int[n];
                List<SlidingWindowPlan.Window> ws = new RollingWindowPlan(l).windows(n);
                for (int k = 0; k < ws.size(); k++) {
                    SlidingWindowPlan.Window w = ws.get(k);
                    assertTrue(w.length() - 1 <= l, "fed length at n=" + n + " l=" + l);
                    if (k > 0) assertEquals(l, w.length() - 1, "later windows feed max_length tokens, n=" + n + " l=" + l);
                    for (int t = w.firstTarget(); t < w.end(); t++) scored[t]++;
                }
                for (int t = 1; t < n; t++) assertEquals(1, scored[t], "position " + t + " at n=" + n + " l=" + l);
                assertEquals(Math.max(0, n - 1), new RollingWindowPlan(l).scoredTokens(n));
            }
        }
    }

    @Test
    void prefixTokenSettings() {
        assertEquals(-1, PrefixToken.parse("auto").resolve(new RollingWindowPlan(8), ByteTokenizer.INSTANCE), "bytes: no BOS, no EOS");
        assertEquals(-1, PrefixToken.parse("none").resolve(new RollingWindowPlan(8), ByteTokenizer.INSTANCE));
        assertEquals(10, PrefixToken.parse("10").resolve(new SlidingWindowPlan(8, 4), ByteTokenizer.INSTANCE));
        assertThrows(IllegalArgumentException.class, () -> PrefixToken.parse("eos"));
        assertThrows(IllegalArgumentException.class, () -> PrefixToken.parse("-3"));
    }
}
