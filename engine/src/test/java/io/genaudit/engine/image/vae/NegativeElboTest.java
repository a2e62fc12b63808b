package io.genaudit.engine.image.vae;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.genaudit.engine.nn.FreedNativeMemory;
import io.genaudit.engine.image.nn.Tensors;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The VAE objective against its closed form, per image over a batch of B: reconstruction
 * sum(softplus(l) - l*x)/B, KL -0.5*sum(1 + v - m^2 - e^v)/B, and the gradients (sigmoid(l) - x)/B,
 * w*m/B, w*(e^v - 1)/(2B) for KL weight w; also with garbage collected between the forward and the backward pass.
 */
class NegativeElboTest {
    private static final int B = 2;
    private static final float[] LOGITS = {-30f, -1.5f, 0f, 0.4f, 2.5f, 25f, -0.2f, 3f};   // [2, 1, 2, 2]
    private static final float[] X = {0f, 0.1f, 0.5f, 1f, 0.9f, 1f, 0f, 0.3f};
    private static final float[] MEAN = {0.5f, -1.2f, 0f, 2f, 0.3f, -0.7f};                 // [2, 3]
    private static final float[] LOG_VAR = {-0.5f, 0.2f, 1.5f, -2f, 0f, 0.8f};

    @Test
    void valuesAndGradientsMatchTheClosedForm() throws Exception {
        for (float w : new float[]{1f, 0.25f}) {
            double rec = 0, kl = 0;
            for (int i = 0; i < LOGITS.length; i++) rec += (Math.log1p(Math.exp(LOGITS[i])) - LOGITS[i] * X[i]) / B;
            for (int i = 0; i < MEAN.length; i++) kl += -0.5 * (1 + LOG_VAR[i] - MEAN[i] * MEAN[i] - Math.exp(LOG_VAR[i])) / B;
            for (int trial = 0; trial < 3; trial++) {
                try (NDManager m = NDManager.newBaseManager()) {
                    NDArray l = param(m, LOGITS, new Shape(B, 1, 2, 2));
                    NDArray x = Tensors.create(m, X, new Shape(B, 1, 2, 2));
                    NDArray mean = param(m, MEAN, new Shape(B, 3));
                    NDArray logVar = param(m, LOG_VAR, new Shape(B, 3));
                    NegativeElbo loss;
                    List<ByteBuffer> junk;
                    FreedNativeMemory.prime();
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        loss = NegativeElbo.of(l, x, mean, logVar, w);
                        junk = FreedNativeMemory.overwrite();
                        gc.backward(loss.total());
                    }
                    assertFalse(junk.isEmpty());
                    assertEquals(rec, loss.reconstruction().getFloat(), 1e-4);
                    assertEquals(kl, loss.kl().getFloat(), 1e-5);
                    assertEquals(rec + w * kl, loss.total().getFloat(), 1e-4);
                    float[] gl = l.getGradient().toFloatArray(), gm = mean.getGradient().toFloatArray(), gv = logVar.getGradient().toFloatArray();
                    for (int i = 0; i < LOGITS.length; i++) assertEquals((1 / (1 + Math.exp(-LOGITS[i])) - X[i]) / B, gl[i], 1e-6, "d/dlogit " + i);
                    for (int i = 0; i < MEAN.length; i++) {
                        assertEquals(w * MEAN[i] / B, gm[i], 1e-6, "d/dmean " + i);
                        assertEquals(w * (Math.exp(LOG_VAR[i]) - 1) / (2 * B), gv[i], 1e-6, "d/dlogVar " + i);
                    }
                }
            }
        }
    }

    @Test
    void reparameterisedSampleAndLogVarianceBound() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray mean = Tensors.create(m, new float[]{1f, -2f}, new Shape(1, 2));
            NDArray logVar = Tensors.create(m, new float[]{2f, -40f}, new Shape(1, 2));
            NDArray eps = Tensors.create(m, new float[]{0.5f, 3f}, new Shape(1, 2));
            NDArray bounded = NegativeElbo.boundLogVariance(logVar);
            assertArrayEquals(new float[]{2f, -10f}, bounded.toFloatArray());
            float[] z = NegativeElbo.sample(mean, bounded, eps).toFloatArray();
            assertEquals(1 + Math.exp(1) * 0.5, z[0], 1e-5);
            assertEquals(-2 + Math.exp(-5) * 3, z[1], 1e-5);
        }
    }

    private static NDArray param(NDManager m, float[] v, Shape s) {
        NDArray a = Tensors.create(m, v, s);
        a.setRequiresGradient(true);
        return a;
    }
}
