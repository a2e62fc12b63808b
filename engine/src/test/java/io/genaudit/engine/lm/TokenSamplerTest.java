package io.genaudit.engine.lm;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class TokenSamplerTest {
    private static final float[] LOGITS = {0f, (float) Math.log(2), (float) Math.log(4), (float) Math.log(8)}; // p = 1/15, 2/15, 4/15, 8/15

    private static double[] frequencies(SamplingSettings s, int n) {
        TokenSampler sampler = new TokenSampler(s, 42);
        double[] f = new double[LOGITS.length];
        for (int i = 0; i < n; i++) f[sampler.next(LOGITS)] += 1.0 / n;
        return f;
    }

    @Test
    void greedyPicksArgmax() {
        assertEquals(3, new TokenSampler(SamplingSettings.greedy(1), 1).next(LOGITS));
    }

    @Test
    void temperatureOneSamplesTheSoftmax() {
        double[] f = frequencies(new SamplingSettings(1, 1.0, 0, 1.0, List.of()), 60_000);
        double[] p = {1 / 15.0, 2 / 15.0, 4 / 15.0, 8 / 15.0};
        for (int i = 0; i < 4; i++) assertEquals(p[i], f[i], 0.01);
    }

    @Test
    void topKAndTopPTruncate() {
        double[] k2 = frequencies(new SamplingSettings(1, 1.0, 2, 1.0, List.of()), 30_000);
        assertEquals(0, k2[0] + k2[1], 0);
        assertEquals(8 / 12.0, k2[3], 0.015);
        // top-p 0.6: the sorted cumulative mass 8/15 = 0.53 < 0.6, so the nucleus is {3, 2}
        double[] p06 = frequencies(new SamplingSettings(1, 1.0, 0, 0.6, List.of()), 30_000);
        assertEquals(0, p06[0] + p06[1], 0);
        assertEquals(8 / 12.0, p06[3], 0.015);
        // top-p 0.5: the first token already covers it
        double[] p05 = frequencies(new SamplingSettings(1, 1.0, 0, 0.5, List.of()), 1000);
        assertEquals(1.0, p05[3], 1e-9);
    }

    @Test
    void lowTemperatureSharpens() {
        double[] f = frequencies(new SamplingSettings(1, 0.25, 0, 1.0, List.of()), 20_000);
        // p proportional to 2^(4i): 8^4 / (1 + 2^4 + 4^4 + 8^4)
        assertEquals(4096.0 / (1 + 16 + 256 + 4096), f[3], 0.01);
    }
}
