package io.genaudit.audits.models;

import io.genaudit.engine.InputException;
import io.genaudit.engine.lm.LanguageModel;
import io.genaudit.engine.lm.SamplingSettings;
import io.genaudit.engine.lm.Tokenizer;
import io.genaudit.engine.lm.Tokenizers;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A language model emitting non-finite scores is a contract violation naming the model, not a wrong number. */
class ContractCheckedLanguageModelTest {
    /** Uniform over 4 tokens, except that position {@code bad} of every window scores {@code value}. */
    record Scripted(int bad, float value) implements LanguageModel {
        public int contextLength() {
            return 8;
        }

        public int vocabSize() {
            return 4;
        }

        public Tokenizer tokenizer() {
            return Tokenizers.resolve("bytes", null);
        }

        public List<float[]> nextTokenLogProbs(List<int[]> windows) {
            List<float[]> out = new ArrayList<>();
            for (int[] w : windows) {
                float[] lp = new float[w.length - 1];
                java.util.Arrays.fill(lp, (float) Math.log(0.25));
                if (bad < lp.length) lp[bad] = value;
                out.add(lp);
            }
            return out;
        }

        public int[] generate(int[] prompt, SamplingSettings settings, long seed) {
            return new int[0];
        }

        public String describe() {
            return "scripted LM";
        }

        public void close() {
        }
    }

    @Test
    void nanInfinityAndPositiveLogProbsAreContractViolations() {
        for (float v : new float[]{Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0.5f}) {
            LanguageModel lm = ContractCheckedLanguageModel.wrap("candidate", new Scripted(2, v));
            InputException e = assertThrows(InputException.class, () -> lm.nextTokenLogProbs(List.of(new int[]{1, 2, 3, 0, 1})));
            assertTrue(e.getMessage().startsWith("model candidate: contract violated") && e.getMessage().contains("position 3"), e.getMessage());
        }
    }

    @Test
    void validScoresPassThroughUnchanged() {
        Scripted inner = new Scripted(99, 0f);
        LanguageModel lm = ContractCheckedLanguageModel.wrap("ok", inner);
        assertEquals((float) Math.log(0.25), lm.nextTokenLogProbs(List.of(new int[]{1, 2, 3})).get(0)[1], 0f);
        assertSame(lm, ContractCheckedLanguageModel.wrap("ok", lm), "wrapped once");
    }
}
