package io.genaudit.metrics.detect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genaudit.engine.Progress;
import io.genaudit.engine.image.Images;
import io.genaudit.engine.image.InMemoryImageSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** TorchScript and ONNX detectors (fixtures/reference/detect/make_external_detectors.py) give PyTorch's scores. */
class ExternalDetectorTest {
    @BeforeAll
    static void offline() {
        System.setProperty("ai.djl.offline", "true");
    }

    static Images batch() {
        float[] d = new float[4 * 3 * 64];
        for (int i = 0; i < 4; i++) {
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < 8; y++) {
                    for (int x = 0; x < 8; x++) {
                        d[((i * 3 + c) * 8 + y) * 8 + x] = (float) (0.5 + 0.01 * i * (((x + y) % 2 == 0) ? 1 : -1) + 0.02 * Math.sin(x + 2 * y + c));
                    }
                }
            }
        }
        return new Images(4, 3, 8, 8, d);
    }

    static double[] expected(String key) throws Exception {
        JsonNode n = new ObjectMapper().readTree(ExternalDetectorTest.class.getResourceAsStream("/detect/checker_detector_expected.json")).get(key);
        double[] v = new double[n.size()];
        for (int i = 0; i < v.length; i++) v[i] = n.get(i).asDouble();
        return v;
    }

    static Path resource(String name) throws Exception {
        return Path.of(ExternalDetectorTest.class.getResource("/detect/" + name).toURI());
    }

    @Tag("integration")
    @Test
    void torchScriptDetectorWithOneOutput() throws Exception {
        try (ImageDetector d = ImageDetector.load(resource("checker_detector.pt"))) {
            double[] s = d.score(new InMemoryImageSource(batch(), "b"), null, 0, 3, Progress.NONE);
            assertArrayEquals(expected("torchscript_scores"), s, 1e-5);
        }
    }

    @Test
    void onnxDetectorWithTwoClassLogits() throws Exception {
        try (ImageDetector d = ImageDetector.load(resource("checker_detector.onnx"))) {
            double[] s = d.score(new InMemoryImageSource(batch(), "b"), null, 0, 4, Progress.NONE);
            assertArrayEquals(expected("onnx_prob_generated"), s, 1e-5);
            assertEquals("ONNX detector checker_detector.onnx", d.describe());
        }
    }
}
