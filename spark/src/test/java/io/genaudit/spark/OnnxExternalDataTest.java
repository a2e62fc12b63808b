package io.genaudit.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genaudit.audits.plan.PlanParser;
import io.genaudit.audits.registry.Registry;
import io.genaudit.audits.run.PlanRunner;
import io.genaudit.audits.run.RunOptions;
import io.genaudit.engine.Progress;
import io.genaudit.engine.io.OnnxExternalData;
import io.genaudit.reports.AuditResult;
import io.genaudit.reports.RunRecordJson;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.genaudit.spark.JsonAgreement.assertJsonClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An ONNX language model whose weights lie in external-data files (two: one beside the model, one in a sub-folder;
 * {@code fixtures/lm-models/external}) scored on Spark ({@code local[2]}, 3 partitions: the files shipped with the
 * model) equals the single-JVM run of the same plan; a plan whose model misses one of the files is refused with one
 * line naming the model and the file before anything is scored.
 */
@Tag("integration") // starts a local Spark runtime: integration tier
class OnnxExternalDataTest {
    static final Path EXTERNAL = Path.of("..", "fixtures", "lm-models", "external").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void externalDataIsShippedAndScoresEqualTheSingleJvm() throws Exception {
        assertEquals(Set.of("tiny-lm.onnx.data", "weights/odd.bin"), OnnxExternalData.locations(EXTERNAL.resolve("tiny-lm.onnx")));
        List<String> ids = new ArrayList<>();
        List<String> texts = SparkTextAuditsTest.corpus(ids);
        SparkTextAuditsTest.writeCorpus(dir, ids, texts);

        AuditResult local = new PlanRunner(Registry.load()).run(new PlanParser(Registry.load()).parse(plan("local.yaml", EXTERNAL, "docs")),
                new RunOptions(dir.resolve("local-out"), dir.resolve("cache"), null, Progress.SILENT, null, System.err)).record().audits().get(0);
        Path out = dir.resolve("spark-out");
        assertEquals(0, SparkAuditMain.run("audit", plan("spark.yaml", EXTERNAL, "docs.parquet").toString(), "--out", out.toString(),
                "--master", "local[2]", "--partitions", "3", "--batch", "4"));
        JsonNode spark = new ObjectMapper().readTree(out.resolve("run.json").toFile()).get("audits").get(0);
        JsonNode single = RunRecordJson.mapper().valueToTree(local);
        assertEquals(single.get("n").asLong(), spark.get("n").asLong());
        assertJsonClose("value", single.get("value"), spark.get("value"));
        assertJsonClose("ci", single.get("ci"), spark.get("ci"));
        assertJsonClose("details", single.get("details"), spark.get("details"));
    }

    @Test
    void aMissingExternalDataFileIsOneLineNamingTheModelAndTheFile() throws Exception {
        Path model = Files.createDirectories(dir.resolve("model"));
        Files.copy(EXTERNAL.resolve("tiny-lm.onnx"), model.resolve("tiny-lm.onnx"));
        Files.copy(EXTERNAL.resolve("tiny-lm.onnx.data"), model.resolve("tiny-lm.onnx.data")); // weights/odd.bin left behind
        Files.createDirectories(dir.resolve("docs"));
        Files.writeString(dir.resolve("docs").resolve("a.txt"), "some text");
        Path out = dir.resolve("out");
        String err = UserErrors.of(() -> SparkAuditMain.run("audit", plan("missing.yaml", model, "docs").toString(), "--out", out.toString(),
                "--master", "local[2]"));
        assertTrue(err.contains("model tiny-ext") && err.contains(model.resolve("weights").resolve("odd.bin").toString()) && err.contains("missing"), err);
        assertEquals(1, err.lines().filter(l -> l.startsWith("genaudit: error: ")).count(), err);
        assertFalse(err.contains("Exception"), err);
        assertFalse(Files.exists(out));
    }

    /** A plan scoring dataset {@code data} with the byte-level tiny LM in {@code modelDir}. */
    private Path plan(String name, Path modelDir, String data) throws Exception {
        return Files.writeString(dir.resolve(name), """
                name: external-data
                seed: 3
                models:
                  - {id: tiny-ext, type: onnx-lm, path: %s/tiny-lm.onnx, contextLength: 64}
                datasets:
                  - {id: corpus, path: %s}
                audits:
                  - {id: ppl, metric: perplexity, model: tiny-ext, data: corpus, params: {maxLength: 32, stride: 16, bootstrap: 100}}
                """.formatted(modelDir, data));
    }
}
