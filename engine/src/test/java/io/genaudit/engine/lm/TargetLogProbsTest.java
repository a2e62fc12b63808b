package io.genaudit.engine.lm;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The libtorch-side log-softmax + gather that TorchScript scoring uses gives the same floats as the Java fallback over
 * the full logits, and a padded batch of windows of different lengths scores each window as if it were sent alone.
 */
class TargetLogProbsTest {
    private static long[] randomIds(int n, long seed) {
        Random r = new Random(seed);
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) ids[i] = r.nextInt(256);
        return ids;
    }

    @Test
    void nativeEqualsJavaFallback() {
        try (TorchScriptLanguageModel lm = new TorchScriptLanguageModel(ExportedLanguageModelTest.MODELS.resolve("tiny-lm.pt"),
                ByteTokenizer.INSTANCE, 64)) {
            int b = 3, len = 40, v = lm.vocabSize();
            long[] ids = randomIds(b * len, 11);
            float[] logits = lm.logits(ids, b, len);
            float[] got = lm.targetLogProbs(ids, b, len);
            assertEquals(b * (len - 1), got.length);
            for (int r = 0; r < b; r++) {
                for (int t = 1; t < len; t++) {
                    int off = (r * len + t - 1) * v;
                    float expected = (float) (logits[off + (int) ids[r * len + t]] - AbstractLanguageModel.logSumExp(logits, off, v));
                    assertEquals(expected, got[r * (len - 1) + t - 1], Math.ulp(expected), "row " + r + " position " + t);
                }
            }
        }
    }

    @Test
    void paddedBatchEqualsWindowsOneByOne() {
        try (TorchScriptLanguageModel lm = new TorchScriptLanguageModel(ExportedLanguageModelTest.MODELS.resolve("tiny-lm.pt"),
                ByteTokenizer.INSTANCE, 64)) {
            List<int[]> windows = new ArrayList<>();
            int[] lengths = {64, 2, 37, 1, 64, 13};
            for (int k = 0; k < lengths.length; k++) {
                long[] ids = randomIds(lengths[k], 100 + k);
                int[] w = new int[ids.length];
                for (int i = 0; i < w.length; i++) w[i] = (int) ids[i];
                windows.add(w);
            }
            List<float[]> batched = lm.nextTokenLogProbs(windows);
            for (int k = 0; k < windows.size(); k++) {
                float[] alone = lm.nextTokenLogProbs(List.of(windows.get(k))).get(0);
                assertEquals(lengths[k] - 1, batched.get(k).length, "window " + k);
                assertArrayEquals(alone, batched.get(k), 1e-5f, "window " + k + " of length " + lengths[k]);
            }
        }
    }
}
