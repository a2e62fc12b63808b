package io.genaudit.engine;

import ai.djl.ndarray.NDManager;
import ai.djl.engine.Engine;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.*;

class DjlSmokeTest {
    @Test
    void pytorchEngineRunsOffline() {
        try (NDManager m = NDManager.newBaseManager()) {
            assertEquals("PyTorch", Engine.getInstance().getEngineName());
            assertEquals(6f, m.create(new float[]{1, 2, 3}).sum().getFloat(), 1e-6);
        }
    }
}
