package io.genaudit.engine.image.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.genaudit.engine.nn.EngineArrays;
import io.genaudit.engine.image.nn.Tensors;

/**
 * The VAE's training objective per image, as 0-d arrays that autograd can differentiate: the Bernoulli
 * reconstruction loss (binary cross-entropy with logits, summed over pixels), the KL divergence of the Gaussian
 * posterior N(mean, exp(logVar)) from N(0, I), and {@code total = reconstruction + klWeight * kl}. Its constants are
 * engine-owned ({@link EngineArrays#scalar}) so the backward pass never reads freed memory.
 */
record NegativeElbo(NDArray total, NDArray reconstruction, NDArray kl) {
    /** Log-variance bound: exp() of an unbounded encoder output overflows float32 early in training. */
    static final float LOG_VARIANCE_LIMIT = 10f;

    /**
     * Clamps the encoder's log-variance to [-{@value #LOG_VARIANCE_LIMIT}, {@value #LOG_VARIANCE_LIMIT}]. (DJL makes
     * the bounds Java-buffer tensors too, but keeps them in {@code logVar}'s manager, the training step's, which
     * outlives the backward pass.)
     */
    static NDArray boundLogVariance(NDArray logVar) {
        return logVar.clip(-LOG_VARIANCE_LIMIT, LOG_VARIANCE_LIMIT);
    }

    /** The reparameterised sample z = mean + exp(logVar / 2) * eps. */
    static NDArray sample(NDArray mean, NDArray logVar, NDArray eps) {
        NDManager m = mean.getManager();
        return mean.add(logVar.mul(EngineArrays.scalar(m, 0.5f)).exp().mul(eps));
    }

    /**
     * The loss for decoder {@code logits} of images {@code x} in [0,1] ([B, C, H, W]) and the posterior
     * {@code mean}, {@code logVar} ([B, z]); every term is averaged over the batch.
     */
    static NegativeElbo of(NDArray logits, NDArray x, NDArray mean, NDArray logVar, float klWeight) {
        NDManager m = logits.getManager();
        NDArray batch = EngineArrays.scalar(m, logits.getShape().get(0));
        NDArray rec = Tensors.softPlus(logits).sub(logits.mul(x)).sum().div(batch);
        NDArray kl = logVar.add(1f).sub(mean.square()).sub(logVar.exp()).sum().mul(EngineArrays.scalar(m, -0.5f)).div(batch);
        NDArray total = klWeight == 1f ? rec.add(kl) : rec.add(kl.mul(EngineArrays.scalar(m, klWeight)));
        return new NegativeElbo(total, rec, kl);
    }
}
