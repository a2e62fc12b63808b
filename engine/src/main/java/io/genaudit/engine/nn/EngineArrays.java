package io.genaudit.engine.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Float arrays and scalar constants in memory PyTorch owns. DJL's PyTorch engine wraps Java direct buffers without
 * copying, both in {@code create(float[])} and in every operation with a Java number ({@code x.mul(0.5f)},
 * {@code x.div(n)}, {@code x.maximum(0f)}: the number becomes a 0-d tensor over a direct buffer that DJL closes right
 * after the operation). When autograd saved that tensor for the backward pass (mul, div, pow, maximum, minimum read
 * their operands' values), the backward pass reads memory the garbage collector may have freed and reused meanwhile:
 * gradients become NaN or silently wrong, depending on GC timing. This was the cause of the nondeterministic
 * GAN/VAE divergence. Every constant inside a recorded computation must therefore come from {@link #scalar}.
 */
public final class EngineArrays {
    private EngineArrays() {
    }

    /** A float32 array of {@code v} with the given shape, copied into engine memory (owned by {@code m}). */
    public static NDArray copyOf(NDManager m, float[] v, Shape shape) {
        try (NDArray wrapped = m.create(v, shape)) {
            return wrapped.duplicate();
        }
    }

    /** A float32 0-d array holding {@code v} in engine memory: the safe operand for arithmetic under autograd. */
    public static NDArray scalar(NDManager m, float v) {
        return copyOf(m, new float[]{v}, new Shape());
    }
}
