package io.genaudit.engine.lm;

import io.genaudit.engine.lm.onnx.OnnxLanguageModel;
import io.genaudit.engine.InputException;
import io.genaudit.engine.ModelContractException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Models genaudit cannot drive are refused with what they declare and what genaudit feeds; ONNX Runtime's own reason is kept. */
class ModelContractMessagesTest {
    @Test
    void unfeedableInputNamesTheDeclarationAndWhatGenauditFeeds() {
        ModelContractException e = assertThrows(ModelContractException.class,
                () -> new OnnxLanguageModel(TokenizerTest.MODELS.resolve("unfeedable-input.onnx"), ByteTokenizer.INSTANCE, 64));
        String m = e.getMessage();
        assertTrue(m.contains("unfeedable-input.onnx") && m.contains("not 'pixel_values'"), m);
        assertTrue(m.contains("input_ids: int64 [batch, sequence]") && m.contains("pixel_values: float32 [2, 3]"), m);
        assertTrue(m.contains("genaudit can feed input_ids, attention_mask"), m);
    }

    @Test
    void onnxRuntimesOwnLoadErrorIsShown() {
        InputException e = assertThrows(InputException.class,
                () -> new OnnxLanguageModel(TokenizerTest.MODELS.resolve("ort-type-error.onnx"), ByteTokenizer.INSTANCE, 64));
        assertTrue(e.getMessage().contains("ONNX Runtime cannot load the model") && e.getMessage().contains("Type"), e.getMessage());
        assertFalse(e.getMessage().contains("ONNX Model cannot be loaded"), e.getMessage());
    }

    @Test
    void dictOutputsGiveTheLogitsEntry() {
        try (ExportedLanguageModel lm = new TorchScriptLanguageModel(TokenizerTest.MODELS.resolve("dict-output.pt"), ByteTokenizer.INSTANCE, 64)) {
            assertEquals(256, lm.vocabSize()); // "hidden" is [B, T, 8]: taking it would fail the contract
            assertEquals(List.of(LmInputs.Role.INPUT_IDS, LmInputs.Role.ATTENTION_MASK), lm.inputs().roles());
            assertTrue(lm.inputs().signature().outputs().get(0).dtype().startsWith("Dict[str, Tensor]"), lm.inputs().signature().describe());
        }
    }
}
