package io.genaudit.engine.image.nn;

import io.genaudit.engine.image.gan.DcganConfig;
import io.genaudit.engine.image.vae.VaeConfig;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class RecordMapsTest {
    @Test
    void configsRoundTripThroughJsonInDeclarationOrder() {
        DcganConfig d = DcganConfig.preset("small", 3, 32, 32, 3);
        Map<String, Object> m = ModelFolder.roundTrip(d.toMap());
        assertEquals(List.of("size", "channels", "height", "width", "latentDim", "ngf", "ndf", "numClasses", "beta1"),
                List.copyOf(m.keySet()));
        assertEquals((double) 0.5f, m.get("beta1"));
        assertEquals(d, DcganConfig.fromMap(m));
        // model folders written before batch size and learning rate became training settings still load
        Map<String, Object> older = new java.util.LinkedHashMap<>(m);
        older.put("batchSize", 64);
        older.put("learningRate", 2e-4);
        assertEquals(d, DcganConfig.fromMap(older));
        VaeConfig v = VaeConfig.preset("tiny", 1, 28, 28);
        assertEquals(v, VaeConfig.fromMap(ModelFolder.roundTrip(v.toMap())));
    }

    @Test
    void missingMistypedOrInvalidValuesNameTheKey() {
        Map<String, Object> m = new java.util.LinkedHashMap<>(VaeConfig.preset("tiny", 3, 32, 32).toMap());
        m.remove("filters");
        assertEquals("'filters' is missing", assertThrows(IllegalArgumentException.class, () -> VaeConfig.fromMap(m)).getMessage());
        m.put("filters", 8.5);
        assertEquals("'filters' should be an integer, found 8.5", assertThrows(IllegalArgumentException.class, () -> VaeConfig.fromMap(m)).getMessage());
        m.put("filters", 8);
        m.put("height", 30);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> VaeConfig.fromMap(m)).getMessage().contains("32x32 or 28x28"));
    }
}
