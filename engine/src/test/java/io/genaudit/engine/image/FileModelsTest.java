package io.genaudit.engine.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genaudit.engine.InputException;
import io.genaudit.engine.ModelContractException;
import io.genaudit.engine.image.Images;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** Loads the fixtures of fixtures/image-models (made by make_models.py) and checks outputs and contract errors. */
class FileModelsTest {
    static final Path DIR = Path.of("..", "fixtures", "image-models");

    private static JsonNode expected() throws Exception {
        return new ObjectMapper().readTree(DIR.resolve("expected.json").toFile());
    }

    static float[] fixedLatents() {
        float[] z = new float[32];
        for (int i = 0; i < 2; i++) for (int j = 0; j < 16; j++) z[i * 16 + j] = (float) Math.sin(i * 16.0 + j);
        return z;
    }

    @Tag("integration")
    @Test
    void torchScriptAndOnnxGeneratorsLoadAndMatchTorch() throws Exception {
        JsonNode exp = expected();
        GeneratorContract c = GeneratorContract.of(16, "normal", "[-1,1]");
        try (TorchScriptImageGenerator ts = TorchScriptImageGenerator.load(DIR.resolve("generator.pt"), c);
             OnnxImageGenerator ox = OnnxImageGenerator.load(DIR.resolve("generator.onnx"), c)) {
            assertEquals(3, ts.channels());
            assertEquals(8, ts.height());
            Images a = ts.generate(5, 3, null), b = ox.generate(5, 3, null);
            assertArrayEquals(a.data(), b.data(), 1e-5f);
            assertArrayEquals(a.data(), ts.generate(5, 3, null).data());
            assertTrue(ts.describe().contains("TorchScript"));
        }
        // the raw model on fixed inputs gives what torch gave (through the contract's [-1,1] -> [0,1] map)
        try (FileModel m = FileModel.load(DIR.resolve("generator.pt"), ModelFileFormat.TORCHSCRIPT);
             ai.djl.ndarray.NDManager nd = m.newManager()) {
            float[] y = m.run(new ai.djl.ndarray.NDList(nd.create(fixedLatents(), new ai.djl.ndarray.types.Shape(2, 16))), "z")
                    .get(0).toFloatArray();
            for (int i = 0; i < y.length; i++) assertEquals(exp.get("generator").get(i).asDouble(), y[i], 1e-5);
        }
        try (OnnxImageGenerator g01 = OnnxImageGenerator.load(DIR.resolve("generator-01.onnx"), GeneratorContract.of(16, "uniform", "[0,1]"))) {
            assertEquals(1, g01.channels());
        }
        try (TorchScriptImageGenerator cond = TorchScriptImageGenerator.load(DIR.resolve("generator-cond.pt"),
                GeneratorContract.of(16, "normal", "[-1,1]").withClasses(4))) {
            Images x = cond.generate(3, 1, new int[]{0, 1, 3});
            assertEquals(3, x.n());
            assertFalse(java.util.Arrays.equals(cond.generate(1, 1, new int[]{0}).data(), cond.generate(1, 1, new int[]{3}).data()));
        }
    }

    @Test
    void generatorContractViolationsSayExpectedAndFound() {
        GeneratorContract c = GeneratorContract.of(16, "normal", "[-1,1]");
        ModelContractException flat = assertThrows(ModelContractException.class,
                () -> TorchScriptImageGenerator.load(DIR.resolve("generator-flat.pt"), c));
        assertTrue(flat.getMessage().contains("expected output [2, C, H, W]") && flat.getMessage().contains("[2, 192]"), flat.getMessage());
        ModelContractException range = assertThrows(ModelContractException.class,
                () -> TorchScriptImageGenerator.load(DIR.resolve("generator-range.pt"), c));
        assertTrue(range.getMessage().contains("[-1,1]") && range.getMessage().contains("found values in"), range.getMessage());
        ModelContractException latent = assertThrows(ModelContractException.class,
                () -> TorchScriptImageGenerator.load(DIR.resolve("generator.pt"), GeneratorContract.of(32, "normal", "[-1,1]")));
        assertTrue(latent.getMessage().contains("latents float32 [2, 32]"), latent.getMessage());
        ModelContractException shape = assertThrows(ModelContractException.class,
                () -> OnnxImageGenerator.load(DIR.resolve("generator.onnx"), c.withShape(3, 32, 32)));
        assertTrue(shape.getMessage().contains("height 32 (declared)") && shape.getMessage().contains("found height 8"), shape.getMessage());
        InputException missing = assertThrows(InputException.class,
                () -> TorchScriptImageGenerator.load(DIR.resolve("nope.pt"), c));
        assertTrue(missing.getMessage().contains("nope.pt"));
        InputException notModel = assertThrows(InputException.class,
                () -> TorchScriptImageGenerator.load(DIR.resolve("expected.json"), c));
        assertTrue(notModel.getMessage().contains("cannot load as a TorchScript model"), notModel.getMessage());
    }

    @Test
    void featureExtractorsLoadMatchTorchAndCheckContracts() throws Exception {
        JsonNode exp = expected();
        float[] img = new float[2 * 3 * 64];
        for (int k = 0; k < img.length; k++) img[k] = (k % 17) / 16f;
        Images batch = new Images(2, 3, 8, 8, img);
        try (FileFeatureExtractor ts = FileFeatureExtractor.load(DIR.resolve("features.pt"), ModelFileFormat.TORCHSCRIPT, 8, 8);
             FileFeatureExtractor ox = FileFeatureExtractor.load(DIR.resolve("features.onnx"), ModelFileFormat.ONNX, 8, 8)) {
            assertEquals(8, ts.dimension());
            double[][] a = ts.extract(batch), b = ox.extract(batch);
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 8; j++) {
                    assertEquals(exp.get("features").get(i * 8 + j).asDouble(), a[i][j], 1e-5);
                    assertEquals(a[i][j], b[i][j], 1e-5);
                }
            }
        }
        ModelContractException rank = assertThrows(ModelContractException.class,
                () -> FileFeatureExtractor.load(DIR.resolve("features-3d.pt"), ModelFileFormat.TORCHSCRIPT, 8, 8));
        assertTrue(rank.getMessage().contains("expected features [2, D]") && rank.getMessage().contains("[2, 4, 2]"), rank.getMessage());
        ModelContractException nan = assertThrows(ModelContractException.class,
                () -> FileFeatureExtractor.load(DIR.resolve("features-nan.pt"), ModelFileFormat.TORCHSCRIPT, 8, 8));
        assertTrue(nan.getMessage().contains("finite"), nan.getMessage());
    }
}
