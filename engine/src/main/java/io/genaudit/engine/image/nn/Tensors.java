package io.genaudit.engine.image.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import io.genaudit.engine.nn.EngineArrays;
import io.genaudit.engine.image.Images;

/** Moves image batches and label vectors between genaudit's {@link Images} and DJL arrays. */
public final class Tensors {
    private Tensors() {
    }

    /** A float32 array of {@code v} with the given shape, in memory PyTorch owns ({@link EngineArrays#copyOf}). */
    public static NDArray create(NDManager m, float[] v, Shape shape) {
        return EngineArrays.copyOf(m, v, shape);
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
     * softplus(x) = log(1 + e^x), PyTorch's native kernel: returns x above 20 and differentiates to sigmoid(x) without
     * overflow (the naive form overflows for large logits and its gradient becomes inf/inf = NaN), with no Java-number
     * operand whose value autograd would keep (see {@link EngineArrays}).
     */
    public static NDArray softPlus(NDArray x) {
        return Activation.softPlus(x);
    }

    /** Numerically stable binary cross-entropy with logits, averaged: mean(softplus(x) - x*y). */
    public static NDArray bceWithLogits(NDArray logits, float target) {
        NDArray sp = softPlus(logits);
        if (target == 0f) return sp.mean();
        NDArray y = target == 1f ? logits : logits.mul(EngineArrays.scalar(logits.getManager(), target));
        return sp.sub(y).mean();
    }

    /** Mean softmax cross-entropy of logits [n,k] against integer labels. */
    public static NDArray crossEntropy(NDArray logits, NDArray oneHot) {
        return logits.logSoftmax(1).mul(oneHot).sum(new int[]{1}).neg().mean();
    }
}
