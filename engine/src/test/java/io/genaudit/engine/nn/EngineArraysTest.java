package io.genaudit.engine.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class EngineArraysTest {
    @Test
    void copiesOwnTheirMemory() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] v = {1, 2, 3, 4, 5, 6};
            NDArray a = EngineArrays.copyOf(m, v, new Shape(2, 3));
            v[0] = 99;
            assertArrayEquals(new float[]{1, 2, 3, 4, 5, 6}, a.toFloatArray());
            assertEquals(new Shape(2, 3), a.getShape());
            NDArray s = EngineArrays.scalar(m, 0.25f);
            assertEquals(new Shape(), s.getShape());
            assertEquals(0.25f, s.getFloat());
        }
    }

    /**
     * The operand autograd saves for mul's backward pass must survive garbage collection until backward runs, even
     * when its Java handle is closed right after the operation (as DJL does with the arrays it makes for Java numbers).
     */
    @Test
    void scalarOperandSurvivesCollectionBeforeBackward() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            for (int trial = 0; trial < 20; trial++) {
                try (NDManager step = m.newSubManager()) {
                    NDArray x = step.ones(new Shape(4));
                    x.setRequiresGradient(true);
                    List<ByteBuffer> junk;
                    FreedNativeMemory.prime();
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDArray y;
                        try (NDArray half = EngineArrays.scalar(step, 0.5f)) {
                            y = x.mul(half).sum();
                        }
                        junk = FreedNativeMemory.overwrite();
                        gc.backward(y);
                    }
                    assertFalse(junk.isEmpty());
                    assertArrayEquals(new float[]{0.5f, 0.5f, 0.5f, 0.5f}, x.getGradient().toFloatArray(), "trial " + trial);
                }
            }
        }
    }
}
