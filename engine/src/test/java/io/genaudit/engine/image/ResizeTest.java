package io.genaudit.engine.image;

import com.fasterxml.jackson.databind.JsonNode;
import io.genaudit.engine.ReferenceJson;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Compares {@link Resize} with numbers from Pillow (fixtures/reference/pil_resize.py, resource pil_resize.json). */
class ResizeTest {
    private static JsonNode reference() throws Exception {
        return ReferenceJson.read(ResizeTest.class, "pil_resize.json");
    }

    @Test
    void uint8PathMatchesPillowExactly() throws Exception {
        JsonNode ref = reference();
        int h = ref.get("h").asInt(), w = ref.get("w").asInt();
        int[] in = new int[h * w];
        for (int i = 0; i < in.length; i++) in[i] = ref.get("input").get(i).asInt();
        int checked = 0;
        for (JsonNode c : ref.get("cases")) {
            Resize.Filter f = Resize.Filter.valueOf(c.get("filter").asText());
            int oh = c.get("outH").asInt(), ow = c.get("outW").asInt();
            int[] got = Resize.resizeUint8(in, h, w, oh, ow, f);
            for (int i = 0; i < got.length; i++) {
                assertEquals(c.get("uint8").get(i).asInt(), got[i], f + " " + oh + "x" + ow + " at " + i);
            }
            checked += got.length;
        }
        assertTrue(checked > 1000);
    }

    @Test
    void floatPathMatchesPillowToFloatPrecision() throws Exception {
        JsonNode ref = reference();
        int h = ref.get("h").asInt(), w = ref.get("w").asInt();
        float[] in = new float[h * w];
        for (int i = 0; i < in.length; i++) in[i] = ref.get("input").get(i).asInt() / 255f;
        for (JsonNode c : ref.get("cases")) {
            Resize.Filter f = Resize.Filter.valueOf(c.get("filter").asText());
            int oh = c.get("outH").asInt(), ow = c.get("outW").asInt();
            float[] got = Resize.resizeFloat(in, h, w, oh, ow, f);
            for (int i = 0; i < got.length; i++) {
                assertEquals(c.get("float").get(i).asDouble(), got[i], 1e-6, f + " " + oh + "x" + ow + " at " + i);
            }
        }
    }

    @Test
    void batchResizeKeepsConstantsAndCleanFidClips() {
        float[] d = new float[2 * 3 * 10 * 12];
        java.util.Arrays.fill(d, 0.25f);
        Images r = Resize.resize(new Images(2, 3, 10, 12, d), 7, 5, Resize.Filter.BICUBIC, Resize.Precision.FLOAT);
        assertEquals(2 * 3 * 7 * 5, r.data().length);
        for (float v : r.data()) assertEquals(0.25f, v, 1e-6);
        // a hard edge overshoots with bicubic; cleanFid clips it back to [0,1]
        float[] edge = new float[16 * 16];
        for (int y = 0; y < 16; y++) for (int x = 8; x < 16; x++) edge[y * 16 + x] = 1f;
        Images e = new Images(1, 1, 16, 16, edge);
        float max = 0;
        for (float v : Resize.resize(e, 16, 40, Resize.Filter.BICUBIC, Resize.Precision.FLOAT).data()) max = Math.max(max, v);
        assertTrue(max > 1f, "bicubic overshoot expected, max " + max);
        for (float v : Resize.cleanFid(e, 16, 40).data()) assertTrue(v >= 0f && v <= 1f);
    }
}
