package io.genaudit.engine.image.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.genaudit.engine.nn.FreedNativeMemory;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The GAN loss against its analytic value and gradient: BCE(x, y) = mean(softplus(x) - x*y), d/dx = (sigmoid(x) - y)/n,
 * also when garbage is collected (and freed native memory re-used) between the forward and the backward pass.
 */
class TensorsTest {
    private static final float[] LOGITS = {-120f, -3.5f, -0.25f, 0f, 0.7f, 2f, 40f, 95f};

    @Test
    void bceWithLogitsValueAndGradientAreExactAndSurviveCollection() throws Exception {
        for (float target : new float[]{0f, 1f, 0.3f}) {
            double expected = 0;
            double[] grad = new double[LOGITS.length];
            for (int i = 0; i < LOGITS.length; i++) {
                double x = LOGITS[i];
                expected += (Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))) - x * target) / LOGITS.length;
                grad[i] = (1 / (1 + Math.exp(-x)) - target) / LOGITS.length;
            }
            for (int trial = 0; trial < 5; trial++) {
                try (NDManager m = NDManager.newBaseManager()) {
                    NDArray x = Tensors.create(m, LOGITS, new Shape(LOGITS.length));
                    x.setRequiresGradient(true);
                    List<ByteBuffer> junk;
                    float loss;
                    FreedNativeMemory.prime();
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDArray l = Tensors.bceWithLogits(x, target);
                        junk = FreedNativeMemory.overwrite();
                        gc.backward(l);
                        loss = l.getFloat();
                    }
                    assertFalse(junk.isEmpty());
                    assertEquals(expected, loss, 1e-5 * Math.max(1, expected), "loss, target " + target);
                    float[] g = x.getGradient().toFloatArray();
                    for (int i = 0; i < g.length; i++) {
                        assertEquals(grad[i], g[i], 1e-6, "d/dx[" + i + "], target " + target + ", trial " + trial);
                    }
                }
            }
        }
    }
}
