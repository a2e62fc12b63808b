package io.genaudit.engine.image.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.genaudit.engine.nn.EngineArrays;

/**
 * A 2-D transposed convolution ("deconvolution"), equal to PyTorch's {@code ConvTranspose2d} /
 * {@code torch.nn.functional.conv_transpose2d} with a square kernel {@code k}, stride {@code s} and padding {@code p}:
 * output size {@code (H-1)*s - 2p + k}, weight laid out as [inChannels, outChannels, k, k], optional bias.
 * <p>
 * DJL's PyTorch engine exposes only forward convolution, so this block computes the transposed convolution exactly
 * through its sub-pixel (polyphase) decomposition: each of the s*s output phases is a stride-1 convolution of the
 * input with a flipped k/s x k/s slice of the kernel; all phases run as one convolution with s*s*outChannels filters,
 * and their outputs are interleaved (pixel shuffle) and cropped by {@code p}. Compared with zero-insertion
 * (stride-dilate, pad {@code k-1-p}, convolve with the flipped kernel) it never multiplies by the inserted zeros, so it
 * does s*s times fewer multiply-adds. Autograd differentiates through every step, so the gradients are also exact.
 * <p>
 * {@link #resizeConvolution} ties the 4x4 kernel of a stride-2, padding-1 transposed convolution to a 3x3 kernel C
 * as W = A C A^T (A below): that transposed convolution equals nearest-neighbour 2x upsampling followed by a 3x3
 * convolution with C ("resize-convolution", Odena et al. 2016), the subspace of kernels without checkerboard
 * artefacts, computed here at a quarter of the upsample-then-convolve cost.
 */
public final class TransposedConv2d extends AbstractBlock {
    private static final byte VERSION = 1;
    /**
     * A [4, 3]: row t of the 4-tap kernel as a sum of 3x3-kernel taps, w[t] = sum_j A[t][j] c[j]: w = (c2, c1+c2,
     * c0+c1, c0), what nearest 2x upsampling followed by a 3-tap convolution applies to each input pixel.
     */
    private static final float[] RESIZE_TAPS = {0, 0, 1, 0, 1, 1, 1, 1, 0, 1, 0, 0};

    private final int filters, kernel, stride, padding;
    private final boolean resizeTied;
    private final Parameter weight;
    private final Parameter bias;

    private TransposedConv2d(int filters, int kernel, int stride, int padding, boolean withBias, boolean resizeTied) {
        super(VERSION);
        if (filters < 1 || kernel < 1 || stride < 1 || padding < 0) {
            throw new IllegalArgumentException("transposed convolution needs filters, kernel, stride >= 1 and padding >= 0, got "
                    + filters + ", " + kernel + ", " + stride + ", " + padding);
        }
        this.filters = filters;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.resizeTied = resizeTied;
        this.weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT).build());
        this.bias = withBias ? addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS).build()) : null;
    }

    /** {@code filters} output channels, kernel {@code k}x{@code k}, stride {@code s}, padding {@code p}. */
    public static TransposedConv2d of(int filters, int kernel, int stride, int padding, boolean withBias) {
        return new TransposedConv2d(filters, kernel, stride, padding, withBias, false);
    }

    /**
     * A 2x upsampling transposed convolution (kernel 4, stride 2, padding 1) whose kernel is tied to a learned 3x3
     * kernel, weight [inChannels, outChannels, 3, 3]: equal to nearest 2x upsampling and a 3x3 convolution.
     */
    public static TransposedConv2d resizeConvolution(int filters, boolean withBias) {
        return new TransposedConv2d(filters, 4, 2, 1, withBias, true);
    }

    /** Output length of one spatial dimension of length {@code n}: (n-1)*s - 2p + k. */
    public int outputSize(long n) {
        long o = (n - 1) * stride - 2L * padding + kernel;
        if (o < 1) {
            throw new IllegalArgumentException("transposed convolution k=" + kernel + " s=" + stride + " p=" + padding
                    + " of an input of size " + n + " has no output");
        }
        return Math.toIntExact(o);
    }

    public Parameter weight() {
        return weight;
    }

    public Parameter bias() {
        return bias;
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        if (in.dimension() != 4) throw new IllegalArgumentException("transposed convolution expects [B,C,H,W], got " + in);
        int free = resizeTied ? 3 : kernel;
        weight.setShape(new Shape(in.get(1), filters, free, free));
        if (bias != null) bias.setShape(new Shape(filters));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[]{new Shape(in.get(0), filters, outputSize(in.get(2)), outputSize(in.get(3)))};
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDManager m = x.getManager();
        long[] s = x.getShape().getShape();
        if (s.length != 4) throw new IllegalArgumentException("transposed convolution expects [B,C,H,W], got " + x.getShape());
        long batch = s[0], inCh = s[1], h = s[2], w = s[3];
        int outH = outputSize(h), outW = outputSize(w);
        int taps = (kernel + stride - 1) / stride; // J: kernel taps per phase; the kernel is zero-padded to J*s
        int padded = taps * stride;

        // Arrays derived from the parameters would otherwise belong to the parameters' (long-lived) manager:
        // each derived array is attached to the input's manager so it is freed with the step that made it.
        NDArray wt = kernel(store.getValue(weight, x.getDevice(), training), m);
        if (wt.getShape().get(0) != inCh) {
            throw new IllegalArgumentException("transposed convolution weight expects " + wt.getShape().get(0)
                    + " input channels, got " + inCh);
        }
        if (padded > kernel) wt = onto(m, wt.pad(new Shape(0, padded - kernel, 0, padded - kernel), 0));
        // w6[ci, co, A, r, B, q] = w[ci, co, A*s + r, B*s + q]; phase (r, q) uses taps A = J-1-a, flipped
        NDArray phases = onto(m, onto(m, onto(m, wt.reshape(inCh, filters, taps, stride, taps, stride))
                .flip(2, 4)).transpose(3, 5, 1, 0, 2, 4));
        NDArray phaseKernel = onto(m, phases.reshape((long) stride * stride * filters, inCh, taps, taps));
        // one stride-1 "full" convolution gives every phase at positions 0 .. H+J-2
        NDArray y = Conv2d.conv2d(x, phaseKernel, null, new Shape(1, 1), new Shape(taps - 1, taps - 1)).singletonOrThrow();
        long qh = h + taps - 1, qw = w + taps - 1;
        // pixel shuffle: channel (r*s + q)*Cout + co at (i, j) goes to output (co, i*s + r, j*s + q), then crop p
        NDArray full = y.reshape(batch, stride, stride, filters, qh, qw).transpose(0, 3, 4, 1, 5, 2)
                .reshape(batch, filters, qh * stride, qw * stride);
        NDArray out = full.get(":, :, {}:{}, {}:{}", padding, padding + outH, padding, padding + outW);
        if (bias != null) {
            NDArray b = onto(m, store.getValue(bias, x.getDevice(), training).reshape(1, filters, 1, 1));
            out = out.add(b);
        }
        return new NDList(out);
    }

    /** The [Cin, Cout, k, k] kernel: the parameter itself (never re-attached), or A C A^T when tied. */
    private NDArray kernel(NDArray param, NDManager m) {
        if (!resizeTied) return param;
        NDArray a = EngineArrays.copyOf(m, RESIZE_TAPS, new Shape(4, 3)); // engine memory: matMul keeps it for backward
        NDArray aT = onto(m, a.transpose());
        return onto(m, onto(m, a.matMul(param)).matMul(aT));
    }

    private static NDArray onto(NDManager m, NDArray a) {
        if (a.getManager() != m) a.attach(m);
        return a;
    }

    @Override
    public String toString() {
        return "TransposedConv2d(" + (resizeTied ? "resize-tied, " : "") + "filters=" + filters + ", kernel=" + kernel
                + ", stride=" + stride + ", padding=" + padding + (bias == null ? ", no bias" : "") + ")";
    }
}
