package io.genaudit.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.genaudit.audits.plan.PlanParser;
import io.genaudit.audits.registry.Registry;
import io.genaudit.audits.run.PlanRunner;
import io.genaudit.audits.run.RunOptions;
import io.genaudit.engine.InputException;
import io.genaudit.engine.Progress;
import io.genaudit.metrics.bias.CrowsPair;
import io.genaudit.metrics.bias.PlantedSuites;
import io.genaudit.reports.AuditResult;
import io.genaudit.reports.RunRecordJson;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static io.genaudit.spark.JsonAgreement.assertJsonClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Work the single-machine text audits do on the driver, moved to executors, must give the single-machine results:
 * {@code diversity} audits that generate their texts (prompts from the plan, and prompts plus reference pieces from
 * a corpus given as a Parquet text table on Spark and as a .txt folder on one machine), and {@code bias-lm} over
 * probes from Parquet probe tables (pairs, StereoSet items; rows shuffled, ids not contiguous) against the same
 * probes as a CrowS-Pairs CSV and a StereoSet JSON. {@code local[2]}, 3 partitions; the GPT-2-shaped ONNX fixture.
 * With {@code --check-local} the driver generates the texts again with the single-machine code and must agree.
 */
@Tag("integration") // starts a local Spark runtime (tens of seconds): integration tier
class SparkTextGenerationTest {
    private static final Path GPT2 = Path.of("..", "fixtures", "lm-models", "gpt2").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void generatedDiversityAndTableProbesOnSparkEqualTheSingleMachineRun() throws Exception {
        LocalSpark.session();
        Path cache = dir.resolve("cache");
        writeCorpus();
        writePairs();
        writeStereoSet();
        List<AuditResult> local = new PlanRunner(Registry.load()).run(new PlanParser(Registry.load()).parse(plan("local.yaml", false)),
                new RunOptions(dir.resolve("local-out"), cache, null, Progress.SILENT, null, System.err)).record().audits();
        Path out = dir.resolve("spark-out");
        assertEquals(0, SparkAuditMain.run("audit", plan("spark.yaml", true).toString(), "--out", out.toString(),
                "--master", "local[2]", "--partitions", "3", "--cache", cache.toString(), "--check-local"));
        JsonNode run = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        String check = run.get("execution").get("localCheck").asText(); // the texts generated again on the driver: equal texts and results
        assertTrue(check.contains("div-prompts: equal to the single pass") && check.contains("div-corpus: equal to the single pass"), check);
        ObjectMapper json = RunRecordJson.mapper();
        JsonNode merges = run.get("execution").get("merges");
        assertTrue(merges.get("div-prompts").asText().startsWith("exact: n-gram counts"), merges.toString());
        assertTrue(merges.get("div-corpus").asText().startsWith("exact: every text gathered"), merges.toString());
        assertTrue(merges.get("bias-pairs").asText().startsWith("exact: probe items scored on executors"), merges.toString());
        assertEquals(local.size(), run.get("audits").size());
        for (int a = 0; a < local.size(); a++) {
            ObjectNode single = json.valueToTree(local.get(a));
            ObjectNode spark = (ObjectNode) run.get("audits").get(a);
            String id = single.get("id").asText();
            JsonNode ss = single.remove("settings"), ps = spark.remove("settings");
            assertEquals("spark", ps.get("engine").asText(), id);
            if (id.startsWith("div")) {
                for (String k : List.of("samples", "generated_tokens", "prompts", "max_new_tokens")) assertEquals(ss.get(k).asLong(), ps.get(k).asLong(), id + " " + k);
                assertTrue(ss.get("generated_tokens").asLong() > ss.get("samples").asLong(), ss.toString());
            } else {
                // the suite is named after its file, as a probe file's suite is
                assertEquals(ss.get("suite").asText().replaceAll("\\.(csv|json)$", ".parquet"), ps.get("suite").asText(), id);
                assertEquals(id.endsWith("pairs") ? 14 : 9, spark.get("n").asLong(), id);
            }
            single.remove("figures");
            spark.remove("figures");
            single.remove("dataset");
            spark.remove("dataset");
            assertJsonClose(id, single, spark);
        }
    }

    @Test
    void badProbeTablesAreUserErrorsNamingTableAndRow() {
        StructType pairs = new StructType().add("id", DataTypes.LongType).add("sent_more", DataTypes.StringType)
                .add("sent_less", DataTypes.StringType).add("bias_type", DataTypes.StringType);
        String repeated = table("repeated", pairs, List.of(RowFactory.create(1L, "a b", "c d", "x"), RowFactory.create(1L, "e", "f", "x")));
        assertEquals(repeated + ": row id 1: appears 2 times; each probe id must appear once", error(repeated));
        String nulls = table("nulls", pairs, List.of(RowFactory.create(4L, "a b", "c d", "x"), RowFactory.create(7L, "e", null, "x")));
        assertEquals(nulls + ": row id 7: null 'sent_less'", error(nulls));
        String blank = table("blank", pairs, List.of(RowFactory.create(4L, " ", "c d", "x"), RowFactory.create(7L, "e", "f", "x")));
        InputException e = assertThrows(InputException.class, () -> SparkFailures.userErrorsUnwrapped(() -> new ParquetProbes(blank)
                .read(LocalSpark.session(), 2).rows().mapPartitions(rows -> ParquetProbes.items(blank, ParquetProbes.Section.PAIRS, rows, 0).iterator()).count()));
        assertEquals(blank + ": row id 4: sent_more and sent_less must not be empty", e.getMessage());
        String noBias = table("no-bias", new StructType().add("id", DataTypes.StringType).add("sent_more", DataTypes.StringType)
                .add("sent_less", DataTypes.StringType), List.of(RowFactory.create("a", "b", "c")));
        assertTrue(error(noBias).startsWith(noBias + ": no 'bias_type' column"), error(noBias));
    }

    private String error(String table) {
        return assertThrows(InputException.class, () -> new ParquetProbes(table).read(LocalSpark.session(), 2)).getMessage();
    }

    private String table(String name, StructType schema, List<Row> rows) {
        String path = dir.resolve(name + ".parquet").toString();
        LocalSpark.session().createDataFrame(rows, schema).write().parquet(path);
        return path;
    }

    /** Two generating diversity audits and two bias-lm audits; on Spark the corpus and the probes are Parquet tables. */
    private Path plan(String name, boolean spark) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, """
                name: spark-generation
                seed: 5
                models:
                  - {id: gpt2, type: onnx-lm, path: %1$s/model.onnx, tokenizer: %1$s/tokenizer.json}
                datasets:
                  - {id: corpus, path: %2$s}
                %3$s
                audits:
                  - id: div-prompts
                    metric: diversity
                    model: gpt2
                    params: {samples: 11, maxNewTokens: 7, topK: 40, prompts: ["The licence", "Notes:", "A"], bootstrap: 0, vendiMaxItems: 6}
                  - id: div-corpus
                    metric: diversity
                    model: gpt2
                    params: {samples: 7, maxNewTokens: 5, temperature: 0.8, promptFrom: corpus, promptLength: 3, referenceData: corpus, bootstrap: 20, seed: 11}
                  - id: bias-pairs
                    metric: bias-lm
                    model: gpt2
                    %4$s
                  - id: bias-stereoset
                    metric: bias-lm
                    model: gpt2
                    %5$s
                """.formatted(GPT2, spark ? "corpus.parquet" : "corpus",
                spark ? "  - {id: pairs, path: pairs.parquet}\n  - {id: stereoset, path: stereoset.parquet}" : "",
                spark ? "data: pairs\n    params: {bootstrap: 30}" : "params: {probes: pairs.csv, bootstrap: 30}",
                spark ? "data: stereoset\n    params: {bootstrap: 30}" : "params: {probes: stereoset.json, bootstrap: 30}"));
        return p;
    }

    /** Six documents as .txt files (one machine) and a shuffled Parquet text table (Spark). */
    private void writeCorpus() throws Exception {
        List<String> words = new ArrayList<>();
        for (String f : List.of("licence.txt", "notes.txt")) {
            for (String w : Files.readString(GPT2.resolve("docs").resolve(f)).split("\\s+")) if (!w.isEmpty()) words.add(w);
        }
        Path folder = Files.createDirectories(dir.resolve("corpus"));
        List<Row> rows = new ArrayList<>();
        for (int d = 0; d < 6; d++) {
            String text = String.join(" ", words.subList(d * 9, d * 9 + 4 + 3 * d));
            String id = "doc-" + d + ".txt";
            Files.writeString(folder.resolve(id), text);
            rows.add(RowFactory.create(id, text));
        }
        Collections.shuffle(rows, new Random(2));
        write("corpus", new StructType().add("doc_id", DataTypes.StringType).add("text", DataTypes.StringType), rows);
    }

    /** 14 planted pairs with two bias types and both directions: a CrowS-Pairs CSV in id order, Parquet rows shuffled. */
    private void writePairs() throws Exception {
        StringBuilder csv = new StringBuilder("sent_more,sent_less,stereo_antistereo,bias_type\n");
        List<Row> rows = new ArrayList<>();
        List<CrowsPair> planted = PlantedSuites.pairs();
        for (int i = 0; i < 14; i++) {
            CrowsPair p = planted.get(i * 3 % planted.size());
            String direction = i % 3 == 0 ? "antistereo" : "stereo", bias = i % 2 == 0 ? "bias_type_a" : "bias_type_b";
            csv.append(quoted(p.sentMore())).append(',').append(quoted(p.sentLess())).append(',').append(direction).append(',').append(bias).append('\n');
            rows.add(RowFactory.create(100L + 7L * i, p.sentMore(), p.sentLess(), direction, bias));
        }
        Files.writeString(dir.resolve("pairs.csv"), csv);
        Collections.shuffle(rows, new Random(3));
        write("pairs", new StructType().add("id", DataTypes.LongType).add("sent_more", DataTypes.StringType).add("sent_less", DataTypes.StringType)
                .add("stereo_antistereo", DataTypes.StringType).add("bias_type", DataTypes.StringType), rows);
    }

    /** Nine StereoSet intrasentence items in two domains: a StereoSet JSON in id order, Parquet rows shuffled. */
    private void writeStereoSet() throws Exception {
        String[] people = {"nurse", "engineer", "teacher", "pilot", "chef", "doctor", "farmer", "singer", "judge"};
        StringBuilder items = new StringBuilder();
        List<Row> rows = new ArrayList<>();
        ObjectMapper m = new ObjectMapper();
        for (int i = 0; i < people.length; i++) {
            String id = "ss" + (char) ('a' + i), bias = i % 2 == 0 ? "gender" : "profession", context = "The " + people[i] + " was BLANK.";
            String s = "The " + people[i] + " was careful.", a = "The " + people[i] + " was careless.", u = "The " + people[i] + " was purple.";
            items.append(i == 0 ? "" : ",").append(m.writeValueAsString(m.createObjectNode().put("id", id).put("target", people[i])
                    .put("bias_type", bias).put("context", context).set("sentences", m.createArrayNode()
                            .add(m.createObjectNode().put("sentence", s).put("gold_label", "stereotype"))
                            .add(m.createObjectNode().put("sentence", a).put("gold_label", "anti-stereotype"))
                            .add(m.createObjectNode().put("sentence", u).put("gold_label", "unrelated")))));
            rows.add(RowFactory.create(id, bias, people[i], context, s, a, u));
        }
        Files.writeString(dir.resolve("stereoset.json"), "{\"version\": \"test\", \"data\": {\"intrasentence\": [" + items + "]}}");
        Collections.shuffle(rows, new Random(4));
        write("stereoset", new StructType().add("id", DataTypes.StringType).add("bias_type", DataTypes.StringType).add("target", DataTypes.StringType)
                .add("context", DataTypes.StringType).add("stereotype", DataTypes.StringType).add("anti_stereotype", DataTypes.StringType)
                .add("unrelated", DataTypes.StringType), rows);
    }

    private void write(String name, StructType schema, List<Row> rows) {
        LocalSpark.session().createDataFrame(LocalSpark.context().parallelize(rows, 3), schema).write().parquet(dir.resolve(name + ".parquet").toString());
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
