package io.genaudit.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genaudit.audits.cli.Main;
import io.genaudit.engine.io.Sha256;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Spark runs in the run store and under baseline gates, as single-JVM runs: a stored Spark run (its run.json with the
 * {@code execution} block and the tables' {@code data_sha256}) is the baseline of a second Spark run (other
 * partitions: still comparable), which passes a generous margin, fails a zero margin and is refused on other data;
 * and a bias-lm audit run in one JVM and on Spark compares with {@code genaudit compare}.
 */
@Tag("integration") // starts a local Spark runtime: integration tier
class SparkRunStoreTest {
    private static final Path GPT2 = Path.of("..", "fixtures", "lm-models", "gpt2").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void aStoredSparkRunIsTheBaselineOfTheNextOne() throws Exception {
        Path real = dir.resolve("real.parquet"), gen = dir.resolve("gen.parquet");
        FeatureTables.write(real, FeatureTables.gaussian(300, 4, 0, 41));
        FeatureTables.write(gen, FeatureTables.gaussian(250, 4, 0.3, 42));
        FeatureTables.write(dir.resolve("gen2.parquet"), FeatureTables.gaussian(250, 4, 0.6, 43));
        Path store = dir.resolve("store");

        Path first = dir.resolve("first");
        assertEquals(0, spark(plan("first.yaml", "gen.parquet", ""), first, "2", "--store", store.toString()));
        JsonNode run = new ObjectMapper().readTree(first.resolve("run.json").toFile());
        assertEquals("spark", run.get("execution").get("engine").asText());
        assertEquals(List.of(Sha256.of(real), Sha256.of(gen)),
                List.of(run.get("audits").get(0).get("settings").get("data_sha256").get(0).asText(),
                        run.get("audits").get(0).get("settings").get("data_sha256").get(1).asText()),
                "the tables' SHA-256 by the single JVM's definition");
        List<Path> stored = files(store.resolve("runs"));
        assertEquals(1, stored.size());
        assertArrayEquals(Files.readAllBytes(first.resolve("run.json")), Files.readAllBytes(stored.get(0)), "the run.json written is the one kept");
        assertEquals(1, Files.readAllLines(store.resolve("index.jsonl")).size());

        String baseline = stored.get(0).toAbsolutePath().toString();
        Path second = dir.resolve("second");
        assertEquals(0, spark(plan("pass.yaml", "gen.parquet", "gate: {baseline: " + baseline + ", maxWorsening: 1000%}"), second, "3",
                "--store", store.toString()));
        JsonNode gate = gate(second);
        assertEquals("non-inferior", gate.get("op").asText());
        assertTrue(gate.get("passed").asBoolean(), gate.toString());
        assertEquals(2, files(store.resolve("runs")).size());
        assertEquals(2, Files.readAllLines(store.resolve("index.jsonl")).size());

        Path third = dir.resolve("third");
        assertEquals(1, spark(plan("fail.yaml", "gen.parquet", "gate: {baseline: " + baseline + ", maxWorsening: 0%}"), third, "3"));
        assertFalse(gate(third).get("passed").asBoolean(), "a zero margin cannot be shown with an interval of width > 0");
        assertTrue(gate(third).get("explanation").asText().contains("exceeds the allowed 0.00%"), gate(third).toString());

        String refused = UserErrors.of(() -> spark(plan("other.yaml", "gen2.parquet", "gate: {baseline: " + baseline + ", maxWorsening: 1000%}"),
                dir.resolve("fourth"), "3"));
        assertTrue(refused.contains("baseline of audit 'fid-gen' is not comparable: different data (SHA-256"), refused);
        assertFalse(Files.exists(dir.resolve("fourth")));
    }

    @Test
    void tableDigestsReadThroughHadoopEqualTheLocalDefinition() throws Exception {
        Path table = dir.resolve("t.parquet");
        FeatureTables.write(table, FeatureTables.gaussian(50, 3, 0, 44));
        Files.writeString(table.resolve(".hidden"), "not counted");
        LocalSpark.session().conf().set("spark.hadoop.fs.gatest.impl", GatestFileSystem.class.getName());
        TableDigests digests = new TableDigests(HadoopFiles.configuration(LocalSpark.session()));
        assertEquals(Sha256.of(table), digests.sha256("gatest://" + table.toAbsolutePath()));
        assertEquals(Sha256.of(table), digests.sha256(table.toAbsolutePath().toString()));
        assertEquals(Sha256.of(table.resolve(files(table).get(0).getFileName())), digests.sha256("gatest://" + files(table).get(0).toAbsolutePath()));
    }

    @Test
    void aSparkRunComparesWithASingleJvmRunOfTheSamePlan() throws Exception {
        Path plan = dir.resolve("bias.yaml");
        Files.writeString(plan, """
                name: bias-both
                seed: 3
                models:
                  - {id: gpt2-onnx, type: onnx-lm, path: %1$s/model.onnx, tokenizer: %1$s/tokenizer.json}
                audits:
                  - {id: bias-planted, metric: bias-lm, model: gpt2-onnx, params: {probes: planted, bootstrap: 50}}
                """.formatted(GPT2));
        String cache = dir.resolve("cache").toString();
        Path local = dir.resolve("local"), spark = dir.resolve("spark"), store = dir.resolve("store");
        assertEquals(0, Main.commandLine().execute("audit", plan.toString(), "--out", local.toString(), "--cache", cache));
        LocalSpark.session();
        assertEquals(0, Main.commandLine().execute("audit", plan.toString(), "--out", spark.toString(), "--engine", "spark",
                "--spark-master", "local[2]", "--partitions", "2", "--cache", cache, "--store", store.toString()));
        assertEquals("spark", new ObjectMapper().readTree(spark.resolve("run.json").toFile()).get("execution").get("engine").asText());
        assertEquals(1, files(store.resolve("runs")).size(), "genaudit audit --engine spark --store keeps the Spark run");
        assertEquals(0, Main.commandLine().execute("compare", local.toString(), spark.toString(), "--out", dir.resolve("cmp").toString()));
    }

    private Path plan(String name, String fake, String gate) throws Exception {
        return FeatureTables.fidPlan(dir, name, fake, 20, gate);
    }

    private static int spark(Path plan, Path out, String partitions, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("audit", plan.toString(), "--out", out.toString(), "--master", "local[2]",
                "--partitions", partitions));
        args.addAll(List.of(more));
        LocalSpark.session();
        return SparkAuditMain.run(args.toArray(new String[0]));
    }

    private static JsonNode gate(Path out) throws Exception {
        return new ObjectMapper().readTree(out.resolve("run.json").toFile()).get("audits").get(0).get("gate");
    }

    /** The run records ({@code .json}) or Parquet parts in {@code folder}, sorted. */
    private static List<Path> files(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().matches("[^.].*\\.(json|parquet)")).sorted().toList();
        }
    }
}
