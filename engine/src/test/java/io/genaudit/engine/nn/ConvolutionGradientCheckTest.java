package io.genaudit.engine.nn;

import io.genaudit.engine.EnvironmentException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The start-up convolution-gradient self-check: the direct reference gradient against an analytic case, the
 * comparison with injected right and wrong gradient functions (independent of the CPU), and the engine itself under
 * the test JVM's environment (the root pom sets ONEDNN_MAX_CPU_ISA=SSE41, whose kernels are right).
 */
class ConvolutionGradientCheckTest {
    @Test
    void directGradientMatchesAHandComputedCase() {
        // 1x1x2x2 input, one 2x2 filter, padding 1: output 3x3; with upstream all ones every input pixel is touched by
        // every kernel tap once, so d/dx = sum of the weights = 1+2+3+4
        float[] ones9 = {1, 1, 1, 1, 1, 1, 1, 1, 1};
        ConvolutionCase c = new ConvolutionCase(1, 1, 1, 2, 2, 1, 1, new float[]{5, 6, 7, 8}, new float[]{1, 2, 3, 4}, ones9);
        assertArrayEquals(new double[]{10, 10, 10, 10}, c.directInputGradient(), 0);
        // stride 2, no padding, 4x4 input, 2x2 kernel: each input pixel gets exactly one tap times its block's upstream
        float[] up = {1, 10, 100, 1000};
        ConvolutionCase s = new ConvolutionCase(1, 1, 1, 4, 2, 2, 0, new float[16], new float[]{1, 2, 3, 4}, up);
        double[] d = s.directInputGradient();
        assertEquals(1, d[0]);
        assertEquals(2, d[1]);
        assertEquals(3 * 10, d[6]);   // row 1, col 2: block (0,1), tap (1,0)
        assertEquals(4 * 1000, d[15]);
    }

    @Test
    void comparisonAcceptsTheExactGradientAndRejectsAWrongOne() {
        var exact = ConvolutionGradientCheck.check(ConvolutionGradientCheck.PROBE, c -> toFloats(c.directInputGradient()));
        assertTrue(exact.sound(), exact.toString());

        // one element off by 0.01: well above float rounding, must be caught and located
        var wrong = ConvolutionGradientCheck.check(ConvolutionGradientCheck.PROBE, c -> {
            float[] g = toFloats(c.directInputGradient());
            if (c == ConvolutionGradientCheck.PROBE.get(1)) g[7] += 0.01f;
            return g;
        });
        assertFalse(wrong.sound());
        assertSame(ConvolutionGradientCheck.PROBE.get(1), wrong.worst());
        assertEquals(7, wrong.index());

        var nan = ConvolutionGradientCheck.check(ConvolutionGradientCheck.PROBE, c -> {
            float[] g = toFloats(c.directInputGradient());
            g[0] = Float.NaN;
            return g;
        });
        assertFalse(nan.sound(), "NaN is never within tolerance");
        String msg = ConvolutionGradientCheck.message(wrong);
        assertTrue(msg.contains("wrong convolution gradients") && msg.contains("ONEDNN_MAX_CPU_ISA=SSE41"), msg);
        assertEquals(1, msg.lines().count(), "one line");
        assertThrows(IllegalStateException.class, () -> ConvolutionGradientCheck.check(ConvolutionGradientCheck.PROBE, c -> new float[1]));
    }

    @Test
    void engineGradientsAreSoundUnderTheTestEnvironment() {
        var v = ConvolutionGradientCheck.check(ConvolutionGradientCheck.PROBE, ConvolutionGradientCheck::engineInputGradient);
        assertTrue(v.sound(), () -> "ONEDNN_MAX_CPU_ISA=" + System.getenv("ONEDNN_MAX_CPU_ISA") + ": " + ConvolutionGradientCheck.message(v));
        assertDoesNotThrow(() -> ConvolutionGradientCheck.requireSound(v));
        assertDoesNotThrow(ConvolutionGradientCheck::ensureSound);
    }

    @Test
    void unsoundVerdictIsAnEnvironmentError() {
        // ensureSound's throw path, without depending on the CPU
        var wrong = ConvolutionGradientCheck.check(List.of(ConvolutionGradientCheck.PROBE.get(2)), c -> {
            float[] g = toFloats(c.directInputGradient());
            for (int i = 0; i < g.length; i++) g[i] = -g[i];
            return g;
        });
        assertFalse(wrong.sound());
        EnvironmentException e = assertThrows(EnvironmentException.class, () -> ConvolutionGradientCheck.requireSound(wrong));
        assertTrue(e.getMessage().contains("conv2d 2->3 k=3"), e.getMessage());
    }

    private static float[] toFloats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) f[i] = (float) d[i];
        return f;
    }
}
