package io.genaudit.audits.models;

import io.genaudit.audits.LoadedModel;
import io.genaudit.audits.ModelSpec;
import io.genaudit.audits.PlanException;
import io.genaudit.audits.TestAuditContext;
import io.genaudit.engine.ModelContractException;
import io.genaudit.engine.io.Sha256;
import io.genaudit.engine.lm.LanguageModel;
import io.genaudit.reports.Chart;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class LanguageModelProviderTest extends ModelProviderTest<LanguageModelProvider> {
    static final Path MODELS = Path.of("..", "fixtures", "lm-models").toAbsolutePath().normalize();

    LanguageModelProviderTest() {
        super(new LanguageModelProvider(), "m1", 5);
    }

    @Tag("integration")
    @Test
    void trainsOnAFixtureOnceThenReusesTheCache() throws Exception {
        Map<String, Object> train = Map.of("data", "fixture:markov-train", "size", "tiny", "epochs", 1, "maxSteps", 20, "seed", 3);
        TestAuditContext ctx = ctx();
        String sha;
        try (LoadedModel m = provider.load(spec("transformer", Map.of("train", train)), ctx)) {
            assertEquals(List.of("train:m1/train/m1"), ctx.phases());
            assertInstanceOf(LanguageModel.class, m.handle());
            assertEquals(20L, m.info().get("steps"));
            assertEquals(true, m.info().get("trainedThisRun"));
            Chart c = m.charts().get(0);
            assertEquals(Chart.Type.LINE, c.type());
            assertEquals(20, c.series().get(0).y().length);
            sha = m.sha256();
            assertEquals(Sha256.of(Path.of((String) m.info().get("modelDir")).resolve("params.bin")), sha);
        }
        TestAuditContext again = ctx();
        try (LoadedModel m = provider.load(spec("transformer", Map.of("train", train)), again)) {
            assertTrue(again.phases().isEmpty(), "second load must reuse the cached model");
            assertEquals(sha, m.sha256());
            assertEquals(false, m.info().get("trainedThisRun"));
        }
        // path: loads a trained directory
        Path dir = Path.of((String) new LanguageModelProvider().load(spec("transformer", Map.of("train", train)), again).info().get("modelDir"));
        try (LoadedModel m = provider.load(spec("transformer", Map.of("path", dir.toString())), ctx())) {
            assertEquals(sha, m.sha256());
        }
    }

    @Test
    void planErrorsNameTheField() {
        PlanException both = assertThrows(PlanException.class, () -> provider.load(spec("transformer", Map.of()), ctx()));
        assertTrue(both.getMessage().contains("exactly one of 'train' or 'path'"), both.getMessage());
        PlanException unknown = assertThrows(PlanException.class, () -> provider.load(spec("transformer",
                Map.of("train", Map.of("data", "fixture:markov-train", "epoch", 2))), ctx()));
        assertEquals("models[0].train.epoch", unknown.field());
        PlanException fixture = assertThrows(PlanException.class, () -> provider.load(spec("transformer",
                Map.of("train", Map.of("data", "fixture:nope"))), ctx()));
        assertTrue(fixture.getMessage().contains("unknown fixture 'nope'"), fixture.getMessage());
        PlanException size = assertThrows(PlanException.class, () -> provider.load(spec("transformer",
                Map.of("train", Map.of("data", "fixture:markov-train", "size", "huge"))), ctx()));
        assertEquals("models[0].train.size", size.field());
        PlanException ctxLen = assertThrows(PlanException.class, () -> provider.load(spec("onnx-lm",
                Map.of("path", MODELS.resolve("tiny-lm.onnx").toString())), ctx()));
        assertEquals("models[0].contextLength", ctxLen.field());
    }

    @Test
    void loadsExportedModelsAndChecksTheirContract() throws Exception {
        TestAuditContext ctx = ctx();
        try (LoadedModel ts = provider.load(spec("torchscript-lm", Map.of("path", MODELS.resolve("tiny-lm.pt").toString(),
                "tokenizer", "bytes", "contextLength", 64)), ctx);
             LoadedModel ox = provider.load(spec("onnx-lm", Map.of("path", MODELS.resolve("tiny-lm.onnx").toString(), "contextLength", 64)), ctx)) {
            LanguageModel a = (LanguageModel) ts.handle(), b = (LanguageModel) ox.handle();
            int[] w = a.tokenizer().encode("hello world");
            assertArrayEquals(a.nextTokenLogProbs(List.of(w)).get(0), b.nextTokenLogProbs(List.of(w)).get(0), 1e-4f);
            assertEquals(Sha256.of(MODELS.resolve("tiny-lm.pt")), ts.sha256());
            assertEquals("model", ctx.files().get(MODELS.resolve("tiny-lm.pt").toString()));
        }
        assertThrows(ModelContractException.class, () -> provider.load(spec("torchscript-lm",
                Map.of("path", MODELS.resolve("bad-vocab.pt").toString(), "contextLength", 64)), ctx));
    }
}
