package io.genaudit.audits.models;

import io.genaudit.audits.LoadedModel;
import io.genaudit.audits.ModelSpec;
import io.genaudit.audits.PlanException;
import io.genaudit.audits.TestAuditContext;
import io.genaudit.engine.ModelContractException;
import io.genaudit.engine.image.AttributeClassifier;
import io.genaudit.engine.image.ImageFeatureExtractor;
import io.genaudit.engine.image.ImageGenerator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ImageModelProviderTest extends ModelProviderTest<ImageModelProvider> {
    static final Path MODELS = Path.of("..", "fixtures", "image-models").toAbsolutePath().normalize();

    ImageModelProviderTest() {
        super(new ImageModelProvider(), "g1", 3);
    }

    @Tag("integration")
    @Test
    void trainsVaeOnFixtureOnceThenReusesTheCache() throws Exception {
        TestAuditContext ctx = ctx();
        // seed chosen so the run stays finite: some seeds diverge to NaN at step 2 (open engine bug, see report)
        ModelSpec s = spec("vae", Map.of("train", Map.of("data", "fixture:shapes-small", "size", "tiny", "epochs", 1, "seed", 3)));
        float[] first;
        try (LoadedModel m = provider.load(s, ctx)) {
            assertEquals(List.of("train:g1/train/g1"), ctx.phases());
            assertEquals(true, m.info().get("trainedThisRun"));
            assertEquals(1, m.charts().size());
            assertEquals(1, m.figures().size());
            assertEquals("image/png", m.figures().get(0).mimeType());
            first = ((ImageGenerator) m.handle()).generate(2, 1, null).data();
        }
        try (LoadedModel again = provider.load(s, ctx)) {
            assertEquals(1, ctx.phases().size(), "second load must come from the cache");
            assertEquals(false, again.info().get("trainedThisRun"));
            assertArrayEquals(first, ((ImageGenerator) again.handle()).generate(2, 1, null).data());
        }
        PlanException bad = assertThrows(PlanException.class, () -> provider.load(spec("dcgan", Map.of("train", Map.of("data", "fixture:shapes-small", "lr", 1))), ctx));
        assertTrue(bad.getMessage().contains("lr"), bad.getMessage());
    }

    @Tag("integration")
    @Test
    void fileModelsAreCheckedAgainstTheirDeclaredContract() throws Exception {
        TestAuditContext ctx = ctx();
        try (LoadedModel g = provider.load(spec("onnx-generator", Map.of("path", MODELS.resolve("generator.onnx").toString(), "latentDim", 16)), ctx)) {
            assertEquals(8, ((ImageGenerator) g.handle()).height());
        }
        ModelContractException e = assertThrows(ModelContractException.class, () -> provider.load(spec("torchscript-generator",
                Map.of("path", MODELS.resolve("generator-range.pt").toString(), "latentDim", 16, "outputRange", "[-1,1]")), ctx));
        assertTrue(e.getMessage().contains("[-1,1]"), e.getMessage());
        try (LoadedModel f = provider.load(spec("torchscript-features", Map.of("path", MODELS.resolve("features.pt").toString())), ctx)) {
            assertEquals(8, ((ImageFeatureExtractor) f.handle()).dimension());
        }
        PlanException missing = assertThrows(PlanException.class, () -> provider.load(spec("onnx-generator", Map.of("path", "nope.onnx", "latentDim", 4)), ctx));
        assertTrue(missing.getMessage().contains("path"), missing.getMessage());
    }

    @Test
    void sidecarAndDeclaredOptionsReachTheModels() throws Exception {
        TestAuditContext ctx = ctx();
        // latentDim, numClasses and the uint8 range come from named/genaudit-model.json; the inputs from the ONNX names
        try (LoadedModel g = provider.load(spec("onnx-generator", Map.of("path", MODELS.resolve("named/generator-named.onnx").toString())), ctx)) {
            assertEquals(List.of("class", "z"), g.info().get("inputs"));
            assertEquals("uint8", g.info().get("outputRange"));
        }
        var clash = assertThrows(io.genaudit.engine.InputException.class, () -> provider.load(spec("onnx-generator",
                Map.of("path", MODELS.resolve("named/generator-named.onnx").toString(), "outputRange", "[0,1]")), ctx));
        assertTrue(clash.getMessage().contains("genaudit-model.json") && clash.getMessage().contains("outputRange"), clash.getMessage());
        try (LoadedModel t = provider.load(spec("torchscript-generator", Map.of("path", MODELS.resolve("generator-trunc.pt").toString(), "latentDim", 16,
                "numClasses", 4, "inputs", List.of("z", "class", "truncation"), "truncation", 0.5)), ctx)) {
            assertEquals(0.5f, t.info().get("truncation"));
        }
        PlanException badInput = assertThrows(PlanException.class, () -> provider.load(spec("torchscript-generator", Map.of("path",
                MODELS.resolve("generator.pt").toString(), "latentDim", 16, "inputs", List.of("z", "style"))), ctx));
        assertTrue(badInput.getMessage().contains("'style' is not an input genaudit can feed"), badInput.getMessage());
        try (LoadedModel f = provider.load(spec("torchscript-features", Map.of("path", MODELS.resolve("features.pt").toString(),
                "resize", List.of(20, 20), "resizeMethod", "legacy-bilinear", "inputRange", "[-1,1]")), ctx)) {
            assertEquals("legacy-bilinear to 20x20, values [-1,1]", f.info().get("preprocessing"));
            assertTrue(f.description().contains("after legacy-bilinear"), f.description());
        }
        PlanException badMethod = assertThrows(PlanException.class, () -> provider.load(spec("torchscript-features", Map.of("path",
                MODELS.resolve("features.pt").toString(), "resize", 20, "resizeMethod", "nearest")), ctx));
        assertTrue(badMethod.getMessage().contains("resizeMethod"), badMethod.getMessage());
    }

    @Tag("integration")
    @Test
    void shapesFeaturesTrainOnAFixtureAndClassifyAttributes() throws Exception {
        TestAuditContext ctx = ctx();
        try (LoadedModel m = provider.load(spec("shapes-features", Map.of("train", Map.of("data", "fixture:shapes-small", "epochs", 1))), ctx)) {
            ImageFeatureExtractor fx = (ImageFeatureExtractor) m.handle();
            assertEquals(64, fx.dimension());
            assertTrue(fx.describe().contains("not comparable with published FIDs"));
            assertTrue(m.handle() instanceof AttributeClassifier);
            assertNotNull(m.info().get("heldOutAccuracy"));
        }
    }
}
