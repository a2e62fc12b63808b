package io.genaudit.engine.image.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.genaudit.engine.image.Images;

/** Moves image batches and label vectors between genaudit's {@link Images} and DJL arrays. */
public final class Tensors {
    private Tensors() {
    }

    /**
     * A float32 array of {@code v} with the given shape, in memory PyTorch owns. DJL's {@code create(float[])} wraps
     * a Java direct buffer without copying; when that array is closed or collected while autograd still holds the
     * tensor (inputs and weights saved for backward), the buffer is freed under PyTorch's feet, which showed up as
     * NaN gradients and native double-free crashes. A copy into engine memory removes that whole class of bugs.
     */
    public static NDArray create(NDManager m, float[] v, Shape shape) {
        try (NDArray wrapped = m.create(v, shape)) {
            return wrapped.duplicate();
        }
    }

    /** [n,c,h,w] float32 array of the batch. */
    public static NDArray of(NDManager m, Images b) {
        return create(m, b.data(), new Shape(b.n(), b.channels(), b.height(), b.width()));
    }

    /** Images [from, to) of {@code all} in the given index order as an array scaled {@code v*scale+shift}. */
    public static NDArray gather(NDManager m, Images all, int[] order, int from, int to, float scale, float shift) {
        int size = all.imageSize();
        float[] out = new float[(to - from) * size];
        float[] d = all.data();
        for (int i = from; i < to; i++) {
            int src = order[i] * size, dst = (i - from) * size;
            for (int k = 0; k < size; k++) out[dst + k] = d[src + k] * scale + shift;
        }
        return create(m, out, new Shape(to - from, all.channels(), all.height(), all.width()));
    }

    /** One-hot [n, classes] float32. */
    public static NDArray oneHot(NDManager m, int[] labels, int classes) {
        float[] o = new float[labels.length * classes];
        for (int i = 0; i < labels.length; i++) o[i * classes + labels[i]] = 1f;
        return create(m, o, new Shape(labels.length, classes));
    }

    /** An [n,c,h,w] array back to Images, mapping {@code v*scale+shift} and clamping to [0,1]. */
    public static Images toImages(NDArray x, float scale, float shift) {
        long[] s = x.getShape().getShape();
        float[] d = x.toFloatArray();
        for (int i = 0; i < d.length; i++) d[i] = Math.max(0f, Math.min(1f, d[i] * scale + shift));
        return new Images((int) s[0], (int) s[1], (int) s[2], (int) s[3], d);
    }

    /**
     * softplus(x) = log(1 + e^x) computed stably as max(x, 0) + log(1 + e^-|x|): the naive form overflows for large
     * logits and its gradient becomes inf/inf = NaN.
     */
    public static NDArray softPlus(NDArray x) {
        return x.maximum(0f).add(x.abs().neg().exp().add(1f).log());
    }

    /** Numerically stable binary cross-entropy with logits, averaged: mean(softplus(x) - x*y). */
    public static NDArray bceWithLogits(NDArray logits, float target) {
        NDArray sp = softPlus(logits);
        return target == 0f ? sp.mean() : sp.sub(logits.mul(target)).mean();
    }

    /** Mean softmax cross-entropy of logits [n,k] against integer labels. */
    public static NDArray crossEntropy(NDArray logits, NDArray oneHot) {
        return logits.logSoftmax(1).mul(oneHot).sum(new int[]{1}).neg().mean();
    }
}
