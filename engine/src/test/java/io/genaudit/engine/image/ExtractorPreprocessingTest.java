package io.genaudit.engine.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Declared extractor preprocessing against fixtures/reference/torch_preprocess.py: PyTorch's bilinear interpolate
 * (pytorch-fid's resize) value for value, and the whole resize + normalise + network path of features.pt against
 * PyTorch (legacy) and Pillow + PyTorch (clean).
 */
class ExtractorPreprocessingTest {
    static JsonNode ref() throws IOException {
        try (InputStream in = ExtractorPreprocessingTest.class.getResourceAsStream("torch_preprocess.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    static Images image(JsonNode r) {
        int h = r.get("height").asInt(), w = r.get("width").asInt();
        float[] d = new float[3 * h * w];
        for (int i = 0; i < d.length; i++) d[i] = r.get("image").get(i).asInt() / 255f;
        return new Images(1, 3, h, w, d);
    }

    @Test
    void legacyBilinearEqualsTorchInterpolate() throws IOException {
        JsonNode r = ref();
        Images img = image(r);
        for (JsonNode c : r.get("bilinear")) {
            int oh = c.get("outH").asInt(), ow = c.get("outW").asInt();
            float[] got = Resize.torchBilinear(img, oh, ow).data();
            assertEquals(c.get("values").size(), got.length);
            for (int i = 0; i < got.length; i++) assertEquals(c.get("values").get(i).asDouble(), got[i], 2e-6, oh + "x" + ow + " at " + i);
        }
    }

    @Test
    void declaredPreprocessingReproducesPytorchFidAndCleanFidInputs() throws IOException {
        JsonNode r = ref();
        Images img = image(r);
        var legacy = new ExtractorPreprocessing(20, 20, ExtractorPreprocessing.Method.LEGACY_BILINEAR, "[-1,1]", null, null);
        var clean = new ExtractorPreprocessing(20, 20, ExtractorPreprocessing.Method.CLEAN_BICUBIC, "[0,1]", null, null);
        try (var net = FileFeatureExtractor.load(FileModelsTest.DIR.resolve("features.pt"), ModelFileFormat.TORCHSCRIPT, 20, 20)) {
            PreprocessedExtractor a = new PreprocessedExtractor(net, legacy);
            double[] fa = a.extract(img)[0];
            for (int i = 0; i < fa.length; i++) assertEquals(r.get("features_legacy_20_minus1_1").get(i).asDouble(), fa[i], 1e-5, "legacy " + i);
            double[] fc = new PreprocessedExtractor(net, clean).extract(img)[0];
            for (int i = 0; i < fc.length; i++) assertEquals(r.get("features_clean_20").get(i).asDouble(), fc[i], 1e-5, "clean " + i);
            assertTrue(a.describe().contains("legacy-bilinear to 20x20, values [-1,1]"), a.describe());
        }
    }

    @Test
    void normalisationAndContract() {
        Images one = new Images(1, 3, 1, 1, new float[]{0.5f, 0.25f, 1f});
        var imagenet = new ExtractorPreprocessing(0, 0, ExtractorPreprocessing.Method.NONE, "[0,1]",
                new float[]{0.485f, 0.456f, 0.406f}, new float[]{0.229f, 0.224f, 0.225f});
        float[] d = imagenet.apply(one).data();
        assertEquals((0.5f - 0.485f) / 0.229f, d[0], 1e-6);
        assertEquals((1f - 0.406f) / 0.225f, d[2], 1e-6);
        assertEquals(0.5f, one.data()[0], "input untouched");
        assertEquals(127.5f, new ExtractorPreprocessing(0, 0, ExtractorPreprocessing.Method.NONE, "[0,255]", null, null).apply(one).data()[0], 1e-4);
        assertThrows(IllegalArgumentException.class, () -> ExtractorPreprocessing.Method.parse("nearest"));
        assertThrows(IllegalArgumentException.class, () -> new ExtractorPreprocessing(0, 0, ExtractorPreprocessing.Method.CLEAN_BICUBIC, "[0,1]", null, null));
        assertTrue(ExtractorPreprocessing.IDENTITY.isIdentity());
    }
}
