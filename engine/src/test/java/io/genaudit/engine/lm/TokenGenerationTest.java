package io.genaudit.engine.lm;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The shared generation loop, driven by a scripted decoder: EOS, stop strings, limits and the context window. */
class TokenGenerationTest {
    /** Predicts (last token + 1) mod 10 with certainty, and records how it was called. */
    static final class CountingDecoder implements TokenDecoder {
        final List<String> calls = new ArrayList<>();

        private static float[] after(int token) {
            float[] l = new float[10];
            l[(token + 1) % 10] = 50;
            return l;
        }

        @Override
        public float[] start(int[] window) {
            calls.add("start" + Arrays.toString(window));
            return after(window[window.length - 1]);
        }

        @Override
        public float[] append(int token) {
            calls.add("append " + token);
            return after(token);
        }

        @Override
        public void close() {
        }
    }

    private static final Tokenizer DIGITS = new Tokenizer() {
        public int[] encode(String text) {
            return text.chars().map(c -> c - '0').toArray();
        }

        public String decode(int[] ids) {
            StringBuilder b = new StringBuilder();
            for (int i : ids) b.append((char) ('0' + i));
            return b.toString();
        }

        public int vocabSize() {
            return 10;
        }

        public String name() {
            return "digits";
        }
    };

    @Test
    void stopsAtEosWithoutReturningIt() {
        int[] out = TokenGeneration.run(new CountingDecoder(), DIGITS, 100, 7, new int[]{3}, SamplingSettings.greedy(20), 0);
        assertArrayEquals(new int[]{4, 5, 6}, out);
        int[] noEos = TokenGeneration.run(new CountingDecoder(), DIGITS, 100, -1, new int[]{3}, SamplingSettings.greedy(5), 0);
        assertArrayEquals(new int[]{4, 5, 6, 7, 8}, noEos);
    }

    @Test
    void stopStringAndLimits() {
        SamplingSettings stop = new SamplingSettings(20, 0, 0, 1, List.of("56"));
        assertArrayEquals(new int[]{4, 5, 6}, TokenGeneration.run(new CountingDecoder(), DIGITS, 100, -1, new int[]{3}, stop, 0));
        CountingDecoder d = new CountingDecoder();
        assertEquals(0, TokenGeneration.run(d, DIGITS, 100, -1, new int[]{3}, SamplingSettings.greedy(0), 0).length);
        assertTrue(d.calls.isEmpty());
        assertThrows(IllegalArgumentException.class, () -> TokenGeneration.run(new CountingDecoder(), DIGITS, 100, -1, new int[0], SamplingSettings.greedy(3), 0));
    }

    @Test
    void windowShiftsToHalfTheContextWhenFull() {
        // context 4: the prompt [0 1 2] then 1 token fills it; the next token shifts to the last 2 tokens
        CountingDecoder d = new CountingDecoder();
        int[] out = TokenGeneration.run(d, DIGITS, 4, -1, new int[]{0, 1, 2}, SamplingSettings.greedy(6), 0);
        assertArrayEquals(new int[]{3, 4, 5, 6, 7, 8}, out);
        assertEquals(List.of("start[0, 1, 2]", "append 3", "start[3, 4]", "append 5", "append 6", "start[6, 7]"), d.calls);
        // the last token is never fed back: no forward pass is wasted
        CountingDecoder p = new CountingDecoder();
        TokenGeneration.run(p, DIGITS, 4, -1, new int[]{0, 1, 2, 3, 4, 5}, SamplingSettings.greedy(1), 0);
        assertEquals(List.of("start[2, 3, 4, 5]"), p.calls);
    }

    @Test
    void contextWindowRule() {
        ContextWindow w = new ContextWindow(5);
        assertEquals(2, w.keep());
        assertEquals(0, w.initialStart(5));
        assertEquals(3, w.initialStart(8));
        assertEquals(0, w.next(0, 5));
        assertEquals(4, w.next(0, 6));
        assertEquals(1, new ContextWindow(1).keep());
    }
}
