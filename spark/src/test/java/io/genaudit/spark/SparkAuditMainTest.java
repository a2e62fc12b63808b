package io.genaudit.spark;

import org.junit.jupiter.api.Tag;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genaudit.metrics.contract.MetricRun;
import io.genaudit.metrics.fidelity.FeatureBatch;
import io.genaudit.metrics.fidelity.FidMetric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The entry point on a plan with a gated FID audit over Parquet feature tables, and on plans it must refuse. */
@Tag("integration") // starts a local Spark runtime (tens of seconds): integration tier
class SparkAuditMainTest {
    @TempDir
    Path dir;

    @Test
    void planRunsOnSparkWritesRunJsonWithExecutionAndEqualsTheSinglePass() throws Exception {
        LocalSpark.session();
        float[][] real = FeatureTables.gaussian(800, 8, 0, 21);
        float[][] gen = FeatureTables.gaussian(700, 8, 0.5, 22);
        FeatureTables.write(dir.resolve("real.parquet"), real);
        FeatureTables.write(dir.resolve("gen.parquet"), gen);
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, """
                name: spark-fid
                seed: 7
                datasets:
                  - {id: real, path: real.parquet}
                  - {id: gen, path: gen.parquet}
                audits:
                  - id: fid-gen
                    metric: fid
                    params: {real: real, fake: gen, bootstrap: 0}
                    gate: {max: 1000}
                """);
        Path out = dir.resolve("out");
        int code = SparkAuditMain.run("audit", plan.toString(), "--out", out.toString(), "--master", "local[2]",
                "--partitions", "3", "--batch", "100", "--check-local");
        assertEquals(0, code);
        JsonNode run = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        JsonNode exec = run.get("execution");
        assertEquals("spark", exec.get("engine").asText());
        assertEquals("local[2]", exec.get("master").asText());
        assertEquals("4.2.0", exec.get("sparkVersion").asText());
        assertEquals(3, exec.get("partitions").asInt());
        assertTrue(exec.get("localCheck").asText().startsWith("fid-gen: equal to the single pass"), exec.toString());
        JsonNode fid = run.get("audits").get(0);
        assertEquals("spark", fid.get("settings").get("engine").asText());
        assertEquals("PASS", run.get("verdict").asText());

        FidMetric metric = new FidMetric();
        FidMetric.Params p = metric.parameters().bind(Map.of("bootstrap", 0), 7L);
        FidMetric.Result local = MetricRun.once(metric, p, List.of(
                FeatureBatch.rows(FeatureBatch.Side.REAL, 0, FeatureTables.widened(real), "real"),
                FeatureBatch.rows(FeatureBatch.Side.FAKE, 0, FeatureTables.widened(gen), "gen")));
        assertEquals(700, fid.get("n").asLong());
        assertEquals(0, ResultAgreement.relativeDifference(local.value(), fid.get("value").asDouble()), 1e-10);
        assertTrue(Files.isRegularFile(out.resolve("report.html")));
    }

    @Test
    void plansSparkCannotRunAreRefusedBeforeAnyWork() throws Exception {
        Files.write(dir.resolve("real.npy"), new byte[]{1, 2, 3});
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, """
                name: npy
                datasets:
                  - {id: real, path: real.npy}
                  - {id: gen, path: real.npy}
                audits:
                  - id: fid-gen
                    metric: fid
                    params: {real: real, fake: gen}
                """);
        Path out = dir.resolve("out");
        // a local .npy on a cluster master: refused by name before Spark starts (local masters read it: SparkLocalInputsTest)
        assertEquals(2, SparkAuditMain.run("audit", plan.toString(), "--out", out.toString(), "--master", "spark://127.0.0.1:7077"));
        assertEquals(2, SparkAuditMain.run("audit", plan.toString(), "--out", out.toString(), "--partitions", "0"));
        assertFalse(Files.exists(out));
    }
}
