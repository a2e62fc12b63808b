package io.genaudit.engine.lm.signature;

import io.genaudit.engine.ModelContractException;
import io.genaudit.engine.lm.LmInputs;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The forward schema as torch.jit.script writes it for a transformers-style model (optional parameters with
 * defaults, nested generic types): parsed from the archive's code, and fed up to the first optional input genaudit
 * cannot supply.
 */
class TorchScriptSignaturesTest {
    static final String SCRIPTED = """
            class GPT2LMHeadModel(Module):
              __parameters__ = []
              transformer : __torch__.GPT2Model
              def forward(self: __torch__.transformers.GPT2LMHeadModel,
                input_ids: Tensor,
                past_key_values: Optional[Tuple[Tuple[Tensor, Tensor], Tuple[Tensor, Tensor]]]=None,
                attention_mask: Optional[Tensor]=None) -> Dict[str, Tensor]:
                transformer = self.transformer
                return {"logits": transformer(input_ids)}
            class Other(Module):
              def forward(self: __torch__.Other, x: Tensor) -> Tensor:
                return x
            """;

    @Test
    void parsesScriptedSignatureAndFeedsUpToTheFirstUnsuppliableOptional() {
        ModelSignature sig = TorchScriptSignatures.parseForward(SCRIPTED, "GPT2LMHeadModel").orElseThrow();
        assertEquals(List.of("input_ids", "past_key_values", "attention_mask"), sig.inputs().stream().map(TensorDecl::name).toList());
        assertEquals("Optional[Tensor]=None", sig.inputs().get(2).dtype());
        assertEquals("Dict[str, Tensor]", sig.outputs().get(0).dtype());
        assertEquals(List.of(LmInputs.Role.INPUT_IDS), LmInputs.plan("m.pt", sig).roles());
        assertEquals("x", TorchScriptSignatures.parseForward(SCRIPTED, "Other").orElseThrow().inputs().get(0).name());
    }

    @Test
    void requiredInputsGenauditCannotFeedAreRefused() {
        String src = "class M(Module):\n  def forward(self: __torch__.M,\n    input_ids: Tensor,\n    pixel_values: Tensor) -> Tensor:\n    return input_ids\n";
        ModelSignature sig = TorchScriptSignatures.parseForward(src, "M").orElseThrow();
        ModelContractException e = assertThrows(ModelContractException.class, () -> LmInputs.plan("m.pt", sig));
        assertTrue(e.getMessage().contains("not 'pixel_values'"), e.getMessage());
    }

    @Test
    void rootClassFromPickleGlobal() {
        byte[] pkl = "\u0080\u0002c__torch__.transformers.models\nGPT2LMHeadModel\nq\u0000)".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("__torch__.transformers.models.GPT2LMHeadModel", TorchScriptSignatures.rootClass(pkl));
    }
}
