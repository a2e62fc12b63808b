package io.genaudit.engine.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genaudit.engine.ModelContractException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Generators fed by declared inputs (fixtures/image-models/make_named_models.py): an ONNX export whose inputs are
 * named (class_labels, z) in that order with uint8 output, and a TorchScript (z, c, truncation) generator; outputs
 * equal PyTorch's on fixed latents.
 */
class DeclaredGeneratorInputsTest {
    static JsonNode expected() throws Exception {
        return new ObjectMapper().readTree(FileModelsTest.DIR.resolve("expected-named.json").toFile());
    }

    @Test
    void onnxInputsAreFedByNameInTheModelsOrderAndUint8IsMapped() throws Exception {
        JsonNode exp = expected();
        GeneratorContract c = GeneratorContract.of(16, "normal", "uint8").withClasses(4);
        try (OnnxImageGenerator g = OnnxImageGenerator.load(FileModelsTest.DIR.resolve("named/generator-named.onnx"), c)) {
            assertEquals(List.of(GeneratorContract.Input.CLASS, GeneratorContract.Input.Z), g.contract().effectiveInputs());
            float[] y = g.fromLatents(FileModelsTest.fixedLatents(), 2, new int[]{1, 2}).data();
            for (int i = 0; i < y.length; i++) assertEquals(exp.get("named").get(i).asDouble() / 255, y[i], 1e-5, "at " + i);
            assertTrue(g.describe().contains("inputs [class, z]"), g.describe());
        }
        // without numClasses the class input cannot be fed: a contract violation naming the model's inputs
        ModelContractException e = assertThrows(ModelContractException.class, () ->
                OnnxImageGenerator.load(FileModelsTest.DIR.resolve("named/generator-named.onnx"), GeneratorContract.of(16, "normal", "uint8")));
        assertTrue(e.getMessage().contains("class_labels"), e.getMessage());
        // a [0,1] declaration is refused by the probe: the values reach 255
        ModelContractException range = assertThrows(ModelContractException.class, () ->
                OnnxImageGenerator.load(FileModelsTest.DIR.resolve("named/generator-named.onnx"), GeneratorContract.of(16, "normal", "[0,1]").withClasses(4)));
        assertTrue(range.getMessage().contains("[0,1]"), range.getMessage());
    }

    @Test
    void truncationIsFedAsDeclared() throws Exception {
        JsonNode exp = expected();
        var in = List.of(GeneratorContract.Input.Z, GeneratorContract.Input.CLASS, GeneratorContract.Input.TRUNCATION);
        GeneratorContract c = GeneratorContract.of(16, "normal", "[-1,1]").withClasses(4).withInputs(in, 0.7f);
        try (TorchScriptImageGenerator g = TorchScriptImageGenerator.load(FileModelsTest.DIR.resolve("generator-trunc.pt"), c)) {
            float[] y = g.fromLatents(FileModelsTest.fixedLatents(), 2, new int[]{1, 2}).data();
            for (int i = 0; i < y.length; i++) assertEquals((exp.get("trunc").get(i).asDouble() + 1) / 2, y[i], 1e-5, "at " + i);
            assertTrue(g.describe().contains("truncation 0.7"), g.describe());
        }
        assertThrows(IllegalArgumentException.class, () -> GeneratorContract.of(16, "normal", "[-1,1]").withInputs(List.of(GeneratorContract.Input.Z, GeneratorContract.Input.CLASS), 1f));
        assertThrows(IllegalArgumentException.class, () -> GeneratorContract.of(16, "normal", "[-1,1]").withInputs(List.of(), 0f));
    }

    @Test
    void theSidecarCompletesThePlanAndDisagreementsAreErrors() {
        var file = FileModelsTest.DIR.resolve("named/generator-named.onnx");
        Set<String> keys = Set.of("latentDim", "numClasses", "outputRange", "inputs");
        Map<String, Object> merged = ModelSidecar.merge(Map.of("inputs", List.of("class", "z")), file, keys);
        assertEquals(16, merged.get("latentDim"));
        assertEquals("uint8", merged.get("outputRange"));
        assertEquals(List.of("class", "z"), merged.get("inputs"));
        assertEquals(16.0, ModelSidecar.merge(Map.of("latentDim", 16.0), file, keys).get("latentDim"), "equal values agree; the plan's is kept");
        var e = assertThrows(io.genaudit.engine.InputException.class, () -> ModelSidecar.merge(Map.of("latentDim", 32), file, keys));
        assertTrue(e.getMessage().contains("genaudit-model.json") && e.getMessage().contains("'latentDim' is 16 here but 32 in the plan"), e.getMessage());
        var unknown = assertThrows(io.genaudit.engine.InputException.class, () -> ModelSidecar.read(file, Set.of("latentDim")));
        assertTrue(unknown.getMessage().contains("unknown key"), unknown.getMessage());
        assertTrue(ModelSidecar.read(FileModelsTest.DIR.resolve("generator.pt"), keys).isEmpty(), "no sidecar next to generator.pt");
    }
}
