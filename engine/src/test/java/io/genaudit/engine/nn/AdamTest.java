package io.genaudit.engine.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import com.fasterxml.jackson.databind.JsonNode;
import io.genaudit.engine.ReferenceJson;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@link Adam} against torch.optim.Adam on a quadratic (fixtures/reference/nn/adam.py, resource adam.json); a run
 * saved after 3 steps and resumed into fresh arrays continues exactly like the uninterrupted one.
 */
class AdamTest {
    private static final Shape SHAPE = new Shape(2, 3);

    @Test
    void trajectoryMatchesPyTorchAndResumeContinuesExactly() throws Exception {
        JsonNode ref = ReferenceJson.read(AdamTest.class, "adam.json");
        float[] w0 = floats(ref.get("w0")), a = floats(ref.get("a")), b = floats(ref.get("b"));
        for (JsonNode c : ref.get("cases")) {
            float lr = (float) c.get("lr").asDouble(), beta1 = (float) c.get("beta1").asDouble(), beta2 = (float) c.get("beta2").asDouble();
            JsonNode traj = c.get("trajectory");
            try (NDManager m = NDManager.newBaseManager()) {
                NDArray ca = EngineArrays.copyOf(m, a, SHAPE), cb = EngineArrays.copyOf(m, b, SHAPE);
                Map<String, NDArray> params = named(EngineArrays.copyOf(m, w0, SHAPE));
                byte[] saved = null;
                float[] afterThree = null;
                try (Adam adam = Adam.forArrays(params, m, beta1, beta2)) {
                    for (int step = 0; step < traj.size(); step++) {
                        descend(params.get("w"), ca, cb, adam, lr);
                        float[] got = params.get("w").toFloatArray();
                        float[] want = floats(traj.get(step));
                        for (int i = 0; i < got.length; i++) {
                            assertEquals(want[i], got[i], 2e-6 * Math.max(1, Math.abs(want[i])), "lr " + lr + " step " + (step + 1) + " [" + i + "]");
                        }
                        if (step == 2) {
                            saved = save(adam);
                            afterThree = got;
                        }
                    }
                    assertEquals(traj.size(), adam.steps());
                }
                // resume: new arrays holding the weights after 3 steps, optimiser state loaded from the save
                Map<String, NDArray> resumed = named(EngineArrays.copyOf(m, afterThree, SHAPE));
                try (Adam adam = Adam.forArrays(resumed, m, beta1, beta2)) {
                    adam.load(new DataInputStream(new ByteArrayInputStream(saved)), "saved state");
                    assertEquals(3, adam.steps());
                    for (int step = 3; step < traj.size(); step++) descend(resumed.get("w"), ca, cb, adam, lr);
                    assertArrayEquals(params.get("w").toFloatArray(), resumed.get("w").toFloatArray());
                }
            }
        }
    }

    @Test
    void stateOfOtherParametersIsRefusedNamingTheSource() throws Exception {
        try (NDManager m = NDManager.newBaseManager();
             Adam small = Adam.forArrays(named(m.zeros(new Shape(2))), m, 0.9f, 0.999f);
             Adam large = Adam.forArrays(named(m.zeros(new Shape(3))), m, 0.9f, 0.999f)) {
            byte[] state = save(small);
            // a mismatched checkpoint is bad input (exit 2), named by its file
            io.genaudit.engine.InputException e = assertThrows(io.genaudit.engine.InputException.class,
                    () -> large.load(new DataInputStream(new ByteArrayInputStream(state)), "ckpt/adam.bin"));
            assertTrue(e.getMessage().startsWith("ckpt/adam.bin: array w has shape (2)"), e.getMessage());
        }
    }

    @Test
    void truncatedStateIsBadInputNamingTheFile() throws Exception {
        try (NDManager m = NDManager.newBaseManager();
             Adam adam = Adam.forArrays(named(m.zeros(new Shape(4))), m, 0.9f, 0.999f)) {
            byte[] state = save(adam);
            for (int cut : new int[]{0, 5, state.length / 2, state.length - 1}) {
                byte[] torn = java.util.Arrays.copyOf(state, cut);
                io.genaudit.engine.InputException e = assertThrows(io.genaudit.engine.InputException.class,
                        () -> adam.load(new DataInputStream(new ByteArrayInputStream(torn)), "ckpt/adam.bin"));
                assertTrue(e.getMessage().startsWith("ckpt/adam.bin: ") && e.getMessage().contains("truncated or corrupt"), e.getMessage());
            }
        }
    }

    private static void descend(NDArray w, NDArray a, NDArray b, Adam adam, float lr) {
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            gc.backward(a.mul(w).mul(w).add(b.mul(w)).sum());
        }
        adam.step(lr);
    }

    private static Map<String, NDArray> named(NDArray w) {
        Map<String, NDArray> p = new LinkedHashMap<>();
        p.put("w", w);
        return p;
    }

    private static byte[] save(Adam adam) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            adam.save(out);
        }
        return bytes.toByteArray();
    }

    private static float[] floats(JsonNode n) {
        java.util.List<Float> v = new java.util.ArrayList<>();
        collect(n, v);
        float[] f = new float[v.size()];
        for (int i = 0; i < f.length; i++) f[i] = v.get(i);
        return f;
    }

    private static void collect(JsonNode n, java.util.List<Float> out) {
        if (n.isArray()) n.forEach(x -> collect(x, out));
        else out.add((float) n.asDouble());
    }
}
