package io.genaudit.spark;

import org.junit.jupiter.api.Tag;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genaudit.audits.cli.Main;
import io.genaudit.metrics.contract.Metric;
import io.genaudit.metrics.contract.MetricResult;
import io.genaudit.metrics.contract.MetricRun;
import io.genaudit.metrics.fidelity.ClassLogitsBatch;
import io.genaudit.metrics.fidelity.FeatureBatch;
import io.genaudit.metrics.fidelity.FidMetric;
import io.genaudit.metrics.fidelity.InceptionScoreMetric;
import io.genaudit.metrics.fidelity.KidMetric;
import io.genaudit.metrics.fidelity.PrdcMetric;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same plan with one more block: {@code genaudit audit PLAN} (the core command line) finds the Spark engine
 * through the ServiceLoader, runs the plan's {@code execution: {engine: spark, master: local[2], ...}} embedded with
 * the command line's {@code --partitions} on top, and writes run.json with the execution block (merge exactness per
 * audit) and the report with it in provenance; every audit's value equals the single-JVM run over the same rows.
 */
@Tag("integration") // starts a local Spark runtime (tens of seconds): integration tier
class SparkExecutionBlockTest {
    @TempDir
    Path dir;

    private static <P extends Record, I, S extends java.io.Serializable, R extends Record & MetricResult> void assertValue(
            JsonNode audit, Metric<P, I, S, R> metric, Map<String, Object> params, List<I> batches) {
        R local = MetricRun.once(metric, metric.parameters().bind(params, 7L), batches);
        assertEquals(local.n(), audit.get("n").asLong(), audit.get("id").asText());
        assertEquals(0, ResultAgreement.relativeDifference(local.value(), audit.get("value").asDouble()), 1e-10, audit.get("id").asText());
    }

    @Test
    void thePlansExecutionBlockRunsOnSparkThroughTheCoreCommandLine() throws Exception {
        LocalSpark.session();
        float[][] real = FeatureTables.gaussian(400, 8, 0, 41);
        float[][] gen = FeatureTables.gaussian(350, 8, 0.5, 42);
        float[][] logits = FeatureTables.gaussian(300, 6, 0, 43);
        FeatureTables.write(dir.resolve("real.parquet"), real);
        FeatureTables.write(dir.resolve("gen.parquet"), gen);
        FeatureTables.write(dir.resolve("logits.parquet"), logits);
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, """
                name: spark-block
                seed: 7
                execution: {engine: spark, master: 'local[2]', partitions: 3, tree_depth: 3}
                datasets:
                  - {id: real, path: real.parquet}
                  - {id: gen, path: gen.parquet}
                  - {id: logits, path: logits.parquet}
                audits:
                  - {id: fid-gen, metric: fid, params: {real: real, fake: gen, bootstrap: 0}}
                  - {id: kid-gen, metric: kid, params: {real: real, fake: gen, subsets: 10, subsetSize: 100, bootstrap: 0}}
                  - {id: prdc-gen, metric: prdc, params: {real: real, fake: gen, k: 3, bootstrap: 0}}
                  - {id: is-gen, metric: inception-score, params: {fake: logits, splits: 3, bootstrap: 0}}
                """);
        Path out = dir.resolve("out");
        int code = Main.commandLine().execute("audit", plan.toString(), "--out", out.toString(), "--partitions", "2");
        assertEquals(0, code);

        JsonNode run = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        JsonNode exec = run.get("execution");
        assertEquals("local[2]", exec.get("master").asText(), "the plan's master");
        assertEquals(2, exec.get("partitions").asInt(), "--partitions overrides the plan's 3");
        assertEquals(3, exec.get("treeDepth").asInt(), "the plan's tree_depth");
        assertEquals("exact: summary states merged by treeReduce", exec.get("merges").get("fid-gen").asText());
        assertEquals(SparkPrdcTiles.MERGE, exec.get("merges").get("prdc-gen").asText(), "PRDC without intervals runs tiled");
        for (String id : List.of("kid-gen", "is-gen")) {
            assertEquals("exact: items collected on driver in global row-id order", exec.get("merges").get(id).asText());
        }

        List<FeatureBatch> pairs = List.of(
                FeatureBatch.rows(FeatureBatch.Side.REAL, 0, FeatureTables.widened(real), "real"),
                FeatureBatch.rows(FeatureBatch.Side.FAKE, 0, FeatureTables.widened(gen), "gen"));
        JsonNode audits = run.get("audits");
        assertValue(audits.get(0), new FidMetric(), Map.of("bootstrap", 0), pairs);
        assertValue(audits.get(1), new KidMetric(), Map.of("subsets", 10, "subsetSize", 100, "bootstrap", 0), pairs);
        assertValue(audits.get(2), new PrdcMetric(), Map.of("k", 3, "bootstrap", 0), pairs);
        assertValue(audits.get(3), new InceptionScoreMetric(), Map.of("splits", 3, "bootstrap", 0),
                List.of(new ClassLogitsBatch(0, FeatureTables.widened(logits), "logits")));

        Document html = Jsoup.parse(out.resolve("report.html").toFile());
        Element heading = html.getElementById("execution");
        assertEquals("provenance", heading.closest("section").id());
        String facts = heading.nextElementSiblings().select("table.kv").first().text();
        assertTrue(facts.contains("Master local[2]") && facts.contains("Partitions per input table 2") && facts.contains("Spark version 4.2.0"), facts);
    }

    @Test
    void aClusterMasterWithoutSparkHomeOrTheShadedJarIsRefusedBeforeAnyWork() throws Exception {
        // never read: the submission is refused before Spark starts
        Files.write(Files.createDirectories(dir.resolve("real.parquet")).resolve("part-0.parquet"), new byte[]{'P', 'A', 'R', '1'});
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, """
                name: on-cluster
                execution: {engine: spark, master: 'spark://127.0.0.1:7999'}
                datasets:
                  - {id: real, path: real.parquet}
                audits:
                  - {id: fid, metric: fid, params: {real: real, fake: real, bootstrap: 0}}
                """);
        Path out = dir.resolve("out");
        // tests run from class folders, so even with SPARK_HOME set there is no shaded jar to submit
        assertEquals(2, SparkAuditMain.run("audit", plan.toString(), "--out", out.toString()));
        assertFalse(Files.exists(out));
    }
}
