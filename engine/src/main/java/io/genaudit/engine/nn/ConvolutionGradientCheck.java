package io.genaudit.engine.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import io.genaudit.engine.EnvironmentException;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Start-up self-check of the native convolution gradients: before the first built-in convolutional model is trained,
 * the engine's autograd input gradient of a few tiny convolutions is compared with {@link
 * ConvolutionCase#directInputGradient()}. oneDNN 3.7.1 (inside libtorch 2.7.1) computes wrong input gradients with its
 * AVX2/AVX-512 kernels on some CPUs unless {@code ONEDNN_MAX_CPU_ISA=SSE41} was set before the native library loaded;
 * the launcher sets it, but an IDE, a plain {@code java -jar} or a Spark executor may not. Training on such gradients
 * would silently produce broken models, so a disagreement stops the run with {@link EnvironmentException}. The
 * verdict is computed once per JVM (about a millisecond of work).
 */
public final class ConvolutionGradientCheck {
    /** Allowed |engine - direct| is TOLERANCE * (1 + |direct|): float32 rounding of sums of a few dozen terms. */
    static final double TOLERANCE = 1e-4;
    /**
     * The probe: the stride-1 "full" convolution TransposedConv2d runs for a k=4 s=2 p=1 upsampling (the first case
     * of fixtures/reference/nn/conv_transpose2d.py, wrong without the setting on an AVX-512 EPYC), the stride-2 4x4
     * downsampling of the DCGAN discriminator and VAE encoder, and the padded 3x3 of the shapes CNN.
     */
    static final List<ConvolutionCase> PROBE = List.of(
            ConvolutionCase.seeded(1, 2, 3, 8, 4, 2, 1, 1),
            ConvolutionCase.seeded(2, 2, 3, 4, 8, 4, 2, 1),
            ConvolutionCase.seeded(3, 2, 2, 3, 5, 3, 1, 1));

    private static Verdict verdict;

    private ConvolutionGradientCheck() {
    }

    /**
     * The outcome of comparing one gradient function with the direct computation on a set of cases.
     *
     * @param sound    every element within tolerance
     * @param worst    the case with the largest scaled error
     * @param index    the element of that case's input gradient with the largest scaled error
     * @param expected the direct value there
     * @param got      the engine's value there
     */
    public record Verdict(boolean sound, ConvolutionCase worst, int index, double expected, double got) {
    }

    /**
     * Throws {@link EnvironmentException} when this JVM's native convolution gradients are wrong; the probe runs on the
     * first call only.
     */
    public static synchronized void ensureSound() {
        if (verdict == null) verdict = check(PROBE, ConvolutionGradientCheck::engineInputGradient);
        requireSound(verdict);
    }

    /** Throws {@link EnvironmentException} with {@link #message} unless {@code v} is sound. */
    static void requireSound(Verdict v) {
        if (!v.sound()) throw new EnvironmentException(message(v));
    }

    /** Compares {@code inputGradient} with the direct input gradient on every case; never throws on disagreement. */
    public static Verdict check(List<ConvolutionCase> cases, Function<ConvolutionCase, float[]> inputGradient) {
        Verdict worst = null;
        double worstError = -1;
        for (ConvolutionCase c : cases) {
            double[] expected = c.directInputGradient();
            float[] got = inputGradient.apply(c);
            if (got.length != expected.length) {
                throw new IllegalStateException(c + ": input gradient has " + got.length + " elements, expected " + expected.length);
            }
            for (int i = 0; i < got.length; i++) {
                // NaN compares false: treat it as the worst possible error
                double error = Math.abs(got[i] - expected[i]) / (1 + Math.abs(expected[i]));
                if (Double.isNaN(error)) error = Double.POSITIVE_INFINITY;
                if (error > worstError) {
                    worstError = error;
                    worst = new Verdict(error <= TOLERANCE, c, i, expected[i], got[i]);
                }
            }
        }
        if (worst == null) throw new IllegalArgumentException("no convolution case to check");
        return worst;
    }

    /** The one-line explanation of an unsound verdict, with the fix. */
    static String message(Verdict v) {
        String isa = System.getenv("ONEDNN_MAX_CPU_ISA");
        return String.format(Locale.ROOT, "this CPU's oneDNN kernels (in libtorch) compute wrong convolution gradients "
                        + "(self-check %s: input gradient [%d] is %.4g, expected %.4g; ONEDNN_MAX_CPU_ISA=%s): "
                        + "set ONEDNN_MAX_CPU_ISA=SSE41 in the environment before starting genaudit (the ./genaudit launcher does)",
                v.worst(), v.index(), v.got(), v.expected(), isa == null ? "unset" : isa);
    }

    /** The engine's autograd input gradient of {@code sum(upstream * conv2d(input, weight))}. */
    static float[] engineInputGradient(ConvolutionCase c) {
        int out = c.outputSize();
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = EngineArrays.copyOf(m, c.input(), new Shape(c.batch(), c.inCh(), c.size(), c.size()));
            NDArray w = EngineArrays.copyOf(m, c.weight(), new Shape(c.outCh(), c.inCh(), c.kernel(), c.kernel()));
            NDArray g = EngineArrays.copyOf(m, c.upstream(), new Shape(c.batch(), c.outCh(), out, out));
            x.setRequiresGradient(true);
            w.setRequiresGradient(true); // as in training: weight and input gradients in one backward pass
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = Conv2d.conv2d(x, w, null, new Shape(c.stride(), c.stride()), new Shape(c.padding(), c.padding()))
                        .singletonOrThrow();
                gc.backward(y.mul(g).sum());
            }
            return x.getGradient().toFloatArray();
        }
    }

    /** Prints the verdict for this JVM's environment; exit status 0 when sound, 1 when not. */
    public static void main(String[] args) {
        long t0 = System.nanoTime();
        Verdict v = check(PROBE, ConvolutionGradientCheck::engineInputGradient);
        long t1 = System.nanoTime();
        Verdict again = check(PROBE, ConvolutionGradientCheck::engineInputGradient);
        double ms = (System.nanoTime() - t1) / 1e6;
        System.out.printf(Locale.ROOT, "ONEDNN_MAX_CPU_ISA=%s: %s (first probe %.1f ms with engine start-up, repeat %.2f ms); worst %s [%d]: engine %.6g, direct %.6g%n",
                System.getenv("ONEDNN_MAX_CPU_ISA"), v.sound() && again.sound() ? "sound" : "WRONG GRADIENTS",
                (t1 - t0) / 1e6, ms, v.worst(), v.index(), v.got(), v.expected());
        System.exit(v.sound() && again.sound() ? 0 : 1);
    }
}
