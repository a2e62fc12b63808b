package io.genaudit.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.genaudit.engine.lm.transformer.CausalTransformer;
import io.genaudit.engine.lm.transformer.KvCache;
import io.genaudit.engine.lm.transformer.TransformerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Device parsing and selection; the CUDA checks run only where the PyTorch engine sees a GPU. */
class ComputeDeviceTest {
    @AfterEach
    void backToCpu() {
        ComputeDevice.select(ComputeDevice.parse("cpu", "test"), "test");
    }

    @Test
    void parsesCpuAndCuda() {
        assertEquals("cpu", ComputeDevice.parse("cpu", "x").toString());
        assertEquals("cuda:0", ComputeDevice.parse("cuda", "x").toString());
        assertEquals("cuda:1", ComputeDevice.parse("CUDA:1", "x").toString());
        assertEquals(ai.djl.Device.gpu(1), ComputeDevice.parse("cuda:1", "x").djl());
        assertEquals(ai.djl.Device.cpu(), ComputeDevice.parse("cpu", "x").djl());
        InputException e = assertThrows(InputException.class, () -> ComputeDevice.parse("tpu", "--device"));
        assertEquals("--device: device must be cpu, cuda or cuda:N, got 'tpu'", e.getMessage());
        assertEquals("cpu", ComputeDevice.current().toString());
    }

    @Test
    void cudaWithoutGpuIsAnInputError() {
        assumeTrue(ComputeDevice.cudaDevices() == 0, "a GPU is present");
        InputException e = assertThrows(InputException.class, () -> ComputeDevice.select(ComputeDevice.parse("cuda", "--device"), "--device"));
        assertTrue(e.getMessage().startsWith("--device: cuda:0 requested but the PyTorch engine sees 0 CUDA device(s)"), e.getMessage());
        assertEquals("cpu", ComputeDevice.current().toString());
    }

    @Test
    void transformerOnCudaMatchesCpu() {
        assumeTrue(ComputeDevice.cudaDevices() > 0, "no CUDA device: skipped");
        TorchThreads.pin();
        long[] ids = {3, 17, 200, 45, 9, 9, 120};
        float[][] out = new float[2][];
        float[][] step = new float[2][];
        String[] devices = {"cpu", "cuda"};
        for (int i = 0; i < 2; i++) {
            ComputeDevice.select(ComputeDevice.parse(devices[i], "test"), "test");
            try (NDManager root = NDManager.newBaseManager(ComputeDevice.current().djl());
                 CausalTransformer m = CausalTransformer.initialise(TransformerConfig.small(), root, 5);
                 KvCache cache = m.newCache(); NDManager sm = root.newSubManager()) {
                assertEquals(ComputeDevice.current().djl(), m.parameters().get("tok_emb").getDevice());
                NDArray x = sm.create(ids, new Shape(1, ids.length));
                out[i] = m.forward(x).toFloatArray();
                m.forward(sm.create(java.util.Arrays.copyOf(ids, 6), new Shape(1, 6)), cache);
                step[i] = m.forward(sm.create(new long[]{ids[6]}, new Shape(1, 1)), cache).toFloatArray();
            }
        }
        assertArrayEquals(out[0], out[1], 1e-4f);
        assertArrayEquals(step[0], step[1], 1e-4f);
    }
}
