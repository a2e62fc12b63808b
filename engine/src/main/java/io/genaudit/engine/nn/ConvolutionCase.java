package io.genaudit.engine.nn;

import java.util.SplittableRandom;

/**
 * One small 2-D convolution (cross-correlation, square kernel, stride, zero padding, no bias) with fixed input, weight
 * and upstream gradient, and its input gradient computed directly in double precision: the independent reference
 * that {@link ConvolutionGradientCheck} compares the engine's autograd against.
 *
 * @param batch    batch size
 * @param inCh     input channels
 * @param outCh    output channels (filters)
 * @param size     input height and width
 * @param kernel   kernel height and width
 * @param stride   stride in both dimensions
 * @param padding  zero padding on every side
 * @param input    [batch, inCh, size, size], row-major
 * @param weight   [outCh, inCh, kernel, kernel], row-major
 * @param upstream d(loss)/d(output), [batch, outCh, out, out] with out = {@link #outputSize()}
 */
public record ConvolutionCase(int batch, int inCh, int outCh, int size, int kernel, int stride, int padding,
                              float[] input, float[] weight, float[] upstream) {
    public ConvolutionCase {
        if (batch < 1 || inCh < 1 || outCh < 1 || kernel < 1 || stride < 1 || padding < 0 || size + 2 * padding < kernel) {
            throw new IllegalArgumentException("convolution case has no output");
        }
        int out = outputSize(size, kernel, stride, padding);
        if (input.length != batch * inCh * size * size || weight.length != outCh * inCh * kernel * kernel
                || upstream.length != batch * outCh * out * out) {
            throw new IllegalArgumentException("convolution case arrays do not match its shapes");
        }
    }

    /** A case whose arrays are drawn uniformly from [-1, 1) with {@code seed}. */
    public static ConvolutionCase seeded(long seed, int batch, int inCh, int outCh, int size, int kernel, int stride, int padding) {
        SplittableRandom r = new SplittableRandom(seed);
        int out = outputSize(size, kernel, stride, padding);
        return new ConvolutionCase(batch, inCh, outCh, size, kernel, stride, padding,
                uniform(r, batch * inCh * size * size), uniform(r, outCh * inCh * kernel * kernel), uniform(r, batch * outCh * out * out));
    }

    /** Output height and width: (size + 2 padding - kernel) / stride + 1. */
    public int outputSize() {
        return outputSize(size, kernel, stride, padding);
    }

    /**
     * d(sum(upstream * conv(input, weight)))/d(input) by the definition, in double precision:
     * dx[b,ci,i,j] = sum over co, u, v with i + p - u = o*s (and likewise j) of g[b,co,o,o'] * w[co,ci,u,v].
     */
    public double[] directInputGradient() {
        int out = outputSize();
        double[] dx = new double[input.length];
        for (int b = 0; b < batch; b++)
            for (int co = 0; co < outCh; co++)
                for (int oy = 0; oy < out; oy++)
                    for (int ox = 0; ox < out; ox++) {
                        double g = upstream[((b * outCh + co) * out + oy) * out + ox];
                        for (int ci = 0; ci < inCh; ci++)
                            for (int u = 0; u < kernel; u++) {
                                int y = oy * stride - padding + u;
                                if (y < 0 || y >= size) continue;
                                for (int v = 0; v < kernel; v++) {
                                    int x = ox * stride - padding + v;
                                    if (x < 0 || x >= size) continue;
                                    dx[((b * inCh + ci) * size + y) * size + x] += g * weight[((co * inCh + ci) * kernel + u) * kernel + v];
                                }
                            }
                    }
        return dx;
    }

    @Override
    public String toString() {
        return "conv2d " + inCh + "->" + outCh + " k=" + kernel + " s=" + stride + " p=" + padding + " on "
                + batch + "x" + size + "x" + size;
    }

    private static int outputSize(int size, int kernel, int stride, int padding) {
        return (size + 2 * padding - kernel) / stride + 1;
    }

    private static float[] uniform(SplittableRandom r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) (r.nextDouble() * 2 - 1);
        return a;
    }
}
