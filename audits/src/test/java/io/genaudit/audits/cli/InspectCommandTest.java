package io.genaudit.audits.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** {@code genaudit inspect}: declarations, roles and contract violations of real-shaped exports; exit 2 for unreadable files. */
class InspectCommandTest {
    static final Path FIXTURES = Path.of("..", "fixtures");

    @TempDir
    Path dir;

    private JsonNode inspect(String... args) throws Exception {
        Path out = dir.resolve("i.json");
        String[] all = new String[args.length + 3];
        all[0] = "inspect";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--json";
        all[args.length + 2] = out.toString();
        assertEquals(0, CliRun.execute(false, all).code());
        return new ObjectMapper().readTree(out.toFile());
    }

    private static JsonNode role(JsonNode j, String name) {
        for (JsonNode r : j.get("roles")) if (r.get("role").asText().equals(name)) return r;
        throw new AssertionError("no role " + name + " in " + j);
    }

    @Test
    void torchScriptGpt2IsALanguageModelWithDeclaredContextAndTokenizer() throws Exception {
        Path gpt2 = FIXTURES.resolve("lm-models/gpt2");
        JsonNode j = inspect("torchscript:" + gpt2.resolve("model.pt"), "--tokenizer", gpt2.resolve("tokenizer.json").toString());
        assertEquals("TorchScript", j.get("format").asText());
        assertEquals("input_ids", j.get("inputs").get(0).get("name").asText());
        assertEquals("attention_mask", j.get("inputs").get(1).get("name").asText());
        assertEquals(64, j.get("context_length").asInt());
        assertEquals(50257, j.get("vocab_size").asInt());
        assertEquals(50256, j.get("tokenizer").get("eos_id").asInt());
        assertTrue(role(j, "language model").get("usable").asBoolean(), j.toString());
        assertTrue(role(j, "language model").get("detail").asText().contains("right padding only"));
        assertFalse(role(j, "feature extractor").get("usable").asBoolean());
        assertFalse(role(j, "generator").get("usable").asBoolean());
    }

    @Test
    void onnxFeatureExtractorIsNotALanguageModel() throws Exception {
        JsonNode j = inspect(FIXTURES.resolve("image-models/features.onnx").toString());
        assertEquals("ONNX", j.get("format").asText());
        assertEquals(4, j.get("inputs").get(0).get("dims").size());
        assertTrue(role(j, "feature extractor").get("usable").asBoolean(), j.toString());
        JsonNode lm = role(j, "language model");
        assertFalse(lm.get("usable").asBoolean());
        assertTrue(lm.get("detail").asText().contains("model contract violated"), lm.toString());
    }

    @Test
    void unfeedableInputIsNamed() throws Exception {
        JsonNode j = inspect(FIXTURES.resolve("lm-models/unfeedable-input.onnx").toString());
        assertTrue(role(j, "language model").get("detail").asText().contains("not 'pixel_values'"), j.toString());
    }

    @Test
    void unreadableFilesExitTwo() throws Exception {
        Path text = dir.resolve("model.pt");
        Files.writeString(text, "not a model");
        assertEquals(2, CliRun.execute(false, "inspect", text.toString()).code());
        assertEquals(2, CliRun.execute(false, "inspect", dir.resolve("missing.onnx").toString()).code());
        Path badOnnx = dir.resolve("bad.onnx");
        Files.writeString(badOnnx, "garbage");
        assertEquals(2, CliRun.execute(false, "inspect", badOnnx.toString()).code());
    }
}
