package io.genaudit.metrics.energy;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PowerIntegralTest {
    @Test
    void linearRampIsIntegratedExactly() {
        // w(t) = 100 + 50 t sampled at 0..4 s: integral over [0, 4] = 400 + 400 = 800 J
        double[] t = {0, 1, 2, 3, 4};
        double[] w = {100, 150, 200, 250, 300};
        assertEquals(800.0, PowerIntegral.joules(t, w, 0, 4), 1e-12);
        // a window between samples is interpolated at both ends: [0.5, 2.5] -> 2 s at mean power 225 W... w(1.5)=175
        assertEquals(2 * 175.0, PowerIntegral.joules(t, w, 0.5, 2.5), 1e-12);
    }

    @Test
    void holdsFirstAndLastSampleBeyondTheSampledSpan() {
        double[] t = {1, 2};
        double[] w = {10, 20};
        // [0,1]: 10 W held; [1,2]: mean 15; [2,3]: 20 held -> 10 + 15 + 20
        assertEquals(45.0, PowerIntegral.joules(t, w, 0, 3), 1e-12);
        assertEquals(0.0, PowerIntegral.joules(new double[0], new double[0], 0, 3));
        assertEquals(0.0, PowerIntegral.joules(t, w, 3, 3));
    }
}
