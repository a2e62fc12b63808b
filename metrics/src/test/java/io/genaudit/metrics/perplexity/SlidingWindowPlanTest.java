package io.genaudit.metrics.perplexity;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SlidingWindowPlanTest {

    @Test
    void overlappingWindowsScoreEveryTokenButTheFirstOnce() {
        List<SlidingWindowPlan.Window> w = new SlidingWindowPlan(4, 2).windows(10);
        assertEquals(List.of(
                new SlidingWindowPlan.Window(0, 4, 1),
                new SlidingWindowPlan.Window(2, 6, 4),
                new SlidingWindowPlan.Window(4, 8, 6),
                new SlidingWindowPlan.Window(6, 10, 8)), w);
        assertEquals(9, new SlidingWindowPlan(4, 2).scoredTokens(10));
    }

    @Test
    void nonOverlappingWindowsLeaveEachWindowStartUnscored() {
        SlidingWindowPlan p = SlidingWindowPlan.nonOverlapping(4);
        assertEquals(List.of(
                new SlidingWindowPlan.Window(0, 4, 1),
                new SlidingWindowPlan.Window(4, 8, 5),
                new SlidingWindowPlan.Window(8, 10, 9)), p.windows(10));
        assertEquals(7, p.scoredTokens(10));
        assertEquals(0, p.scoredTokens(1));
        assertEquals(List.of(), p.windows(0));
    }

    /** Token counts equal those of the Hugging Face recipe's -100 masking with the label shift, for many settings. */
    @Test
    void scoredTokensMatchHuggingFaceMaskingLoop() {
        for (int n = 0; n <= 40; n++) {
            for (int len = 2; len <= 9; len++) {
                for (int stride = 1; stride <= len; stride++) {
                    assertEquals(hfScored(n, len, stride), new SlidingWindowPlan(len, stride).scoredTokens(n),
                            "n=" + n + " max_length=" + len + " stride=" + stride);
                }
            }
        }
    }

    /** Literal port of the recipe: labels of the last trg_len positions kept, the model drops the window's first label. */
    private static long hfScored(int seqLen, int maxLength, int stride) {
        long scored = 0;
        int prevEnd = 0;
        for (int begin = 0; begin < seqLen; begin += stride) {
            int end = Math.min(begin + maxLength, seqLen);
            int trgLen = end - prevEnd;
            int len = end - begin;
            for (int i = 1; i < len; i++) { // shifted labels: positions 1..len-1 of the window
                if (i >= len - trgLen) scored++;
            }
            prevEnd = end;
            if (end == seqLen) break;
        }
        return scored;
    }

    @Test
    void rejectsStrideLongerThanWindow() {
        assertThrows(IllegalArgumentException.class, () -> new SlidingWindowPlan(4, 5));
        assertThrows(IllegalArgumentException.class, () -> new SlidingWindowPlan(1, 1));
    }
}
