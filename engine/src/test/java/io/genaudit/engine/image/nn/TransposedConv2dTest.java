package io.genaudit.engine.image.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import io.genaudit.engine.ReferenceJson;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Compares {@link TransposedConv2d} with PyTorch's {@code conv_transpose2d}: outputs and the gradients with respect to
 * input, weight and bias, from fixtures/reference/nn/conv_transpose2d.py (resource conv_transpose2d.json), for free
 * kernels and for kernels tied to a 3x3 resize-convolution kernel.
 */
class TransposedConv2dTest {
    @Test
    void forwardAndGradientsMatchPyTorch() throws Exception {
        int checked = 0;
        for (JsonNode c : ReferenceJson.read(TransposedConv2dTest.class, "conv_transpose2d.json").get("cases")) {
            int b = c.get("batch").asInt(), cin = c.get("inChannels").asInt(), cout = c.get("outChannels").asInt();
            int h = c.get("height").asInt(), w = c.get("width").asInt();
            int k = c.get("kernel").asInt(), s = c.get("stride").asInt(), p = c.get("padding").asInt();
            boolean tied = c.get("resizeTied").asBoolean();
            String name = (tied ? "resize-tied " : "") + "k=" + k + " s=" + s + " p=" + p + " " + cin + "->" + cout + " " + h + "x" + w;
            try (NDManager m = NDManager.newBaseManager()) {
                TransposedConv2d block = tied ? TransposedConv2d.resizeConvolution(cout, true) : TransposedConv2d.of(cout, k, s, p, true);
                Shape inShape = new Shape(b, cin, h, w);
                block.setInitializer(SeededInitializer.gaussian(1, 1), ai.djl.nn.Parameter.Type.WEIGHT);
                block.initialize(m, DataType.FLOAT32, inShape);
                int free = tied ? 3 : k;
                assertEquals(new Shape(cin, cout, free, free), block.weight().getArray().getShape(), name + ": PyTorch weight layout");
                block.weight().getArray().set(floats(c.get("weight")));
                block.bias().getArray().set(floats(c.get("bias")));
                NDArray x = Tensors.create(m, floats(c.get("input")), inShape);
                x.setRequiresGradient(true);
                Shape expectedOut = new Shape(c.get("outShape").get(0).asLong(), c.get("outShape").get(1).asLong(),
                        c.get("outShape").get(2).asLong(), c.get("outShape").get(3).asLong());
                assertEquals(expectedOut, block.getOutputShapes(new Shape[]{inShape})[0], name + ": declared output shape");
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray y = block.forward(new ParameterStore(m, false), new NDList(x), true).singletonOrThrow();
                    assertEquals(expectedOut, y.getShape(), name + ": output shape");
                    assertClose(c.get("output"), y.toFloatArray(), name + " output");
                    NDArray g = Tensors.create(m, floats(c.get("upstream")), y.getShape());
                    gc.backward(y.mul(g).sum());
                }
                assertClose(c.get("gradInput"), x.getGradient().toFloatArray(), name + " d/dinput");
                assertClose(c.get("gradWeight"), block.weight().getArray().getGradient().toFloatArray(), name + " d/dweight");
                assertClose(c.get("gradBias"), block.bias().getArray().getGradient().toFloatArray(), name + " d/dbias");
                checked++;
            }
        }
        assertEquals(7, checked);
    }

    @Test
    void dcganUpsamplingDoublesTheSizeAndBadSettingsAreRefused() {
        TransposedConv2d up = TransposedConv2d.of(8, 4, 2, 1, false);
        assertEquals(new Shape(3, 8, 16, 16), up.getOutputShapes(new Shape[]{new Shape(3, 5, 8, 8)})[0]);
        assertEquals(14, up.outputSize(7));
        assertThrows(IllegalArgumentException.class, () -> TransposedConv2d.of(8, 4, 0, 1, true));
        assertThrows(IllegalArgumentException.class, () -> TransposedConv2d.of(8, 2, 1, 3, true).outputSize(1));
    }

    private static float[] floats(JsonNode a) {
        float[] f = new float[a.size()];
        for (int i = 0; i < f.length; i++) f[i] = (float) a.get(i).asDouble();
        return f;
    }

    private static void assertClose(JsonNode expected, float[] got, String what) {
        assertEquals(expected.size(), got.length, what + ": length");
        for (int i = 0; i < got.length; i++) {
            double e = expected.get(i).asDouble();
            assertEquals(e, got[i], 1e-4 * (1 + Math.abs(e)), what + " [" + i + "]");
        }
    }
}
