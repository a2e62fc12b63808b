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

    @Test
    void temperatureThenTopKThenTopPMatchTheAnalyticDistribution() {
        // temperature 2: p proportional to sqrt(1, 2, 4, 8); top-k 3 keeps {1, 2, 3}: weights sqrt2, 2, sqrt8
        double w1 = Math.sqrt(2), w2 = 2, w3 = Math.sqrt(8), z = w1 + w2 + w3;
        double[] k3 = frequencies(new SamplingSettings(1, 2.0, 3, 1.0, List.of()), 60_000);
        assertEquals(0, k3[0], 0);
        assertEquals(w1 / z, k3[1], 0.01);
        assertEquals(w2 / z, k3[2], 0.01);
        assertEquals(w3 / z, k3[3], 0.01);
        // top-p 0.85 at temperature 1: sorted masses 8/15, 4/15 (cumulative 0.8), 2/15 (0.93) -> nucleus {3, 2, 1}
        double[] p85 = frequencies(new SamplingSettings(1, 1.0, 0, 0.85, List.of()), 60_000);
        assertEquals(0, p85[0], 0);
        assertEquals(2 / 14.0, p85[1], 0.01);
        assertEquals(4 / 14.0, p85[2], 0.01);
        assertEquals(8 / 14.0, p85[3], 0.01);
        // top-k 1 is greedy at any temperature
        TokenSampler k1 = new TokenSampler(new SamplingSettings(1, 5.0, 1, 1.0, List.of()), 9);
        for (int i = 0; i < 100; i++) assertEquals(3, k1.next(LOGITS));
    }

    @Test
    void sameSeedSameDraws() {
        SamplingSettings s = new SamplingSettings(1, 1.0, 0, 0.9, List.of());
        TokenSampler a = new TokenSampler(s, 5), b = new TokenSampler(s, 5), c = new TokenSampler(s, 6);
        int[] da = new int[200], db = new int[200], dc = new int[200];
        for (int i = 0; i < 200; i++) {
            da[i] = a.next(LOGITS);
            db[i] = b.next(LOGITS);
            dc[i] = c.next(LOGITS);
        }
        assertArrayEquals(da, db);
        assertFalse(java.util.Arrays.equals(da, dc));
    }

    @Test
    void primitiveOrderEqualsFloatCompareOrderWithTiesByLowestId() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        float[] x = new float[5000];
        for (int i = 0; i < x.length; i++) x[i] = (float) Math.round(r.nextGaussian() * 40) / 8; // many ties
        x[7] = -0.0f;
        x[8] = 0.0f;
        x[9] = Float.NEGATIVE_INFINITY;
        x[10] = Float.POSITIVE_INFINITY;
        x[11] = -Float.MAX_VALUE;
        Integer[] expected = new Integer[x.length];
        for (int i = 0; i < x.length; i++) expected[i] = i;
        java.util.Arrays.sort(expected, (a, b) -> {
            int c = Float.compare(x[b], x[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        int[] got = TokenSampler.descendingOrder(x);
        for (int i = 0; i < x.length; i++) assertEquals((int) expected[i], got[i], "rank " + i);
        assertEquals(10, got[0]);
        assertEquals(9, got[x.length - 1]);
    }
}
