package io.genaudit.spark;

import org.junit.jupiter.api.Tag;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genaudit.audits.plan.Plan;
import io.genaudit.audits.plan.PlanParser;
import io.genaudit.audits.registry.Registry;
import io.genaudit.audits.run.PlanRunner;
import io.genaudit.audits.run.RunOptions;
import io.genaudit.engine.Progress;
import io.genaudit.metrics.contract.MetricRun;
import io.genaudit.metrics.diversity.DiversityMetric;
import io.genaudit.metrics.diversity.TextSample;
import io.genaudit.reports.AuditResult;
import io.genaudit.reports.RunRecordJson;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.genaudit.spark.JsonAgreement.assertClose;
import static io.genaudit.spark.JsonAgreement.assertJsonClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Perplexity and bias-lm audits of one plan run on Spark ({@code local[2]}, 3 partitions, documents scored on executors with a
 * pooled model) and by the single-machine harness: the GPT-2-shaped ONNX and TorchScript exports (real GPT-2 BPE)
 * and a built-in Transformer trained for a few steps, rolling and sliding windows. The corpus is the same documents
 * as a folder of .txt files (single machine) and as a shuffled 3-file Parquet text table (Spark). The bias-lm audit
 * scores the planted suite's pairs in slices on executors. A diversity audit over the same table (Spark only: plans on
 * one machine generate their texts; generation on executors is {@link SparkTextGenerationTest}'s) must equal
 * {@link DiversityMetric} over the same texts.
 */
@Tag("integration") // starts a local Spark runtime (tens of seconds): integration tier
class SparkTextAuditsTest {
    static final Path GPT2 = Path.of("..", "fixtures", "lm-models", "gpt2").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void textAuditsOnSparkEqualTheSingleMachineRun() throws Exception {
        LocalSpark.session();
        List<String> ids = new ArrayList<>();
        List<String> texts = corpus(ids);
        writeCorpus(dir, ids, texts);
        Path cache = dir.resolve("cache");

        Path localPlan = plan("local.yaml", "docs", "");
        Plan parsed = new PlanParser(Registry.load()).parse(localPlan);
        List<AuditResult> local = new PlanRunner(Registry.load()).run(parsed,
                new RunOptions(dir.resolve("local-out"), cache, null, Progress.SILENT, null, System.err)).record().audits();

        Path out = dir.resolve("spark-out");
        assertEquals(0, SparkAuditMain.run("audit", plan("spark.yaml", "docs.parquet", DIVERSITY).toString(), "--out", out.toString(),
                "--master", "local[2]", "--partitions", "3", "--batch", "4", "--cache", cache.toString()));
        JsonNode run = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        ObjectMapper json = RunRecordJson.mapper();
        JsonNode merges = run.get("execution").get("merges");
        assertTrue(merges.get("ppl-onnx-rolling").asText().startsWith("exact: documents scored on executors"), merges.toString());
        assertTrue(merges.get("bias-planted").asText().startsWith("exact: probe items scored on executors"), merges.toString());
        JsonNode diversity = run.get("audits").get(local.size());
        assertEquals("diversity-given", diversity.get("id").asText());
        assertEquals(ids.size(), diversity.get("n").asLong());
        assertTrue(diversity.get("settings").get("merge").asText().startsWith("exact: n-gram counts merged by reduceByKey"));
        List<TextSample> samples = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) samples.add(new TextSample(TextSample.Set.GENERATED, i, ids.get(i), null, texts.get(i)));
        DiversityMetric dm = new DiversityMetric();
        DiversityMetric.Result direct = MetricRun.once(dm, dm.parameters().bind(Map.of("bootstrap", 0, "vendiMaxItems", 10), 3L), samples);
        assertClose("diversity value", json.valueToTree(direct.value()), diversity.get("value"));
        assertClose("diversity self-BLEU-4", json.valueToTree(direct.generated().selfBleu_4()), diversity.get("details").get("self_bleu_4"));
        assertClose("diversity vendi", json.valueToTree(direct.generated().vendi()), diversity.get("details").get("vendi"));

        assertEquals(local.size() + 1, run.get("audits").size());
        for (int a = 0; a < local.size(); a++) {
            JsonNode single = json.valueToTree(local.get(a));
            JsonNode spark = run.get("audits").get(a);
            String id = single.get("id").asText();
            assertEquals(id, spark.get("id").asText());
            if (id.startsWith("bias")) {
                assertJsonClose(id, single.get("value"), spark.get("value"));
                assertJsonClose(id + ".ci", single.get("ci"), spark.get("ci"));
                assertJsonClose(id + ".details", single.get("details"), spark.get("details"));
                assertTrue(single.get("details").size() > 3, single.get("details").toString());
                continue;
            }
            assertClose(id + " value", single.get("value"), spark.get("value"));
            assertClose(id + " ci.low", single.get("ci").get("low"), spark.get("ci").get("low"));
            assertClose(id + " ci.high", single.get("ci").get("high"), spark.get("ci").get("high"));
            assertEquals(single.get("n").asLong(), spark.get("n").asLong(), id);
            JsonNode sd = single.get("details"), pd = spark.get("details");
            for (String k : List.of("bits_per_byte", "word_perplexity", "byte_perplexity", "nll_nats")) assertClose(id + " " + k, sd.get(k), pd.get(k));
            for (String k : List.of("tokens", "bytes", "words", "documents")) assertEquals(sd.get(k).asLong(), pd.get(k).asLong(), id + " " + k);
            JsonNode sDocs = sd.get("per_document"), pDocs = pd.get("per_document");
            assertEquals(ids.size(), sDocs.size());
            assertEquals(sDocs.size(), pDocs.size());
            for (int i = 0; i < sDocs.size(); i++) {
                JsonNode x = sDocs.get(i), y = pDocs.get(i);
                assertEquals(ids.get(i), y.get("id").asText());
                assertEquals(x.get("id").asText(), y.get("id").asText());
                assertEquals(x.get("index").asLong(), y.get("index").asLong());
                for (String k : List.of("tokens", "bytes", "words")) assertEquals(x.get(k).asLong(), y.get(k).asLong(), id + " doc " + i + " " + k);
                assertClose(id + " doc " + i + " nll", x.get("nllNats"), y.get("nllNats"));
            }
            assertEquals("spark", spark.get("settings").get("engine").asText());
            assertEquals(single.get("settings").get("method").asText(), spark.get("settings").get("method").asText());
        }
    }

    @Test
    void textAuditsSparkCannotRunAreRefusedBeforeSparkStarts() throws Exception {
        Files.createDirectories(dir.resolve("docs"));
        Files.writeString(dir.resolve("docs").resolve("a.txt"), "some text");
        String head = """
                name: refused
                models:
                  - {id: gpt2-onnx, type: onnx-lm, path: %1$s/model.onnx, tokenizer: %1$s/tokenizer.json}
                datasets:
                  - {id: corpus, path: docs}
                audits:
                """.formatted(GPT2);
        for (List<String> c : List.of(
                List.of("  - {id: a, metric: perplexity, model: gpt2-onnx, data: corpus}\n", "spark://127.0.0.1:7077"),       // a .txt folder on a cluster
                List.of("  - {id: a, metric: diversity, model: gpt2-onnx, params: {samples: 4, promptFrom: corpus}}\n", "spark://127.0.0.1:7077"), // prompts from a .txt folder on a cluster
                List.of("  - {id: a, metric: bias-lm, model: gpt2-onnx}\n", "local[2]"),                                     // neither probes nor a probe table
                List.of("  - {id: a, metric: bias-lm, model: gpt2-onnx, data: corpus}\n", "local[2]"))) {                   // a probe table that is not Parquet
            Path plan = dir.resolve("refused.yaml");
            Files.writeString(plan, head + c.get(0));
            Path out = dir.resolve("out");
            assertEquals(2, SparkAuditMain.run("audit", plan.toString(), "--out", out.toString(), "--master", c.get(1)), c.get(0));
            assertTrue(!Files.exists(out));
        }
    }

    /** Spark only: diversity of the corpus documents as given generations (single-machine plans generate them). */
    private static final String DIVERSITY = """
              - id: diversity-given
                metric: diversity
                data: corpus
                params: {bootstrap: 0, vendiMaxItems: 10}
            """;

    /** A plan with three perplexity audits over dataset {@code data} and a bias-lm audit, then {@code more}. */
    private Path plan(String name, String data, String more) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, """
                name: spark-perplexity
                seed: 3
                models:
                  - {id: gpt2-onnx, type: onnx-lm, path: %1$s/model.onnx, tokenizer: %1$s/tokenizer.json}
                  - {id: gpt2-ts, type: torchscript-lm, path: %1$s/model.pt, tokenizer: %1$s/tokenizer.json}
                  - {id: lm-tiny, type: transformer, train: {data: "fixture:markov-train", size: tiny, maxSteps: 3, seed: 2}}
                datasets:
                  - {id: corpus, path: %2$s}
                audits:
                  - id: ppl-onnx-rolling
                    metric: perplexity
                    model: gpt2-onnx
                    data: corpus
                    params: {method: rolling, prefixToken: auto, bootstrap: 200}
                  - id: ppl-ts-sliding
                    metric: perplexity
                    model: gpt2-ts
                    data: corpus
                    params: {method: sliding, maxLength: 32, stride: 16, batch: 3, bootstrap: 100}
                  - id: ppl-transformer
                    metric: perplexity
                    model: lm-tiny
                    data: corpus
                    params: {maxLength: 48, stride: 24, bootstrap: 100}
                  - id: bias-planted
                    metric: bias-lm
                    model: gpt2-onnx
                    params: {probes: planted, bootstrap: 50}
                """.formatted(GPT2, data) + more);
        return p;
    }

    /** Writes the documents as a folder {@code docs} of .txt files and as a shuffled 3-file Parquet text table {@code docs.parquet}. */
    static void writeCorpus(Path dir, List<String> ids, List<String> texts) throws Exception {
        Path folder = dir.resolve("docs");
        Files.createDirectories(folder);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Files.writeString(folder.resolve(ids.get(i)), texts.get(i));
            rows.add(RowFactory.create(ids.get(i), texts.get(i)));
        }
        Collections.shuffle(rows, new Random(5));
        StructType schema = new StructType().add("doc_id", DataTypes.StringType).add("text", DataTypes.StringType);
        LocalSpark.session().createDataFrame(LocalSpark.context().parallelize(rows, 3), schema).write().parquet(dir.resolve("docs.parquet").toString());
    }

    /** 14 documents of 1 to ~100 words (several windows each for the long ones), non-ASCII text included. */
    static List<String> corpus(List<String> ids) throws Exception {
        List<String> words = new ArrayList<>();
        for (String f : List.of("licence.txt", "notes.txt", "short.txt")) {
            for (String w : Files.readString(GPT2.resolve("docs").resolve(f)).split("\\s+")) if (!w.isEmpty()) words.add(w);
        }
        Random r = new Random(11);
        List<String> texts = new ArrayList<>();
        for (int d = 0; d < 14; d++) {
            int n = d == 0 ? 1 : 1 + r.nextInt(d % 4 == 0 ? 100 : 30);
            StringBuilder sb = new StringBuilder();
            Iterator<String> it = words.listIterator(r.nextInt(words.size()));
            for (int k = 0; k < n; k++) {
                if (!it.hasNext()) it = words.iterator();
                sb.append(k == 0 ? "" : k % 17 == 0 ? "\n" : " ").append(it.next());
            }
            ids.add(String.format("doc-%02d.txt", d));
            texts.add(sb.toString());
        }
        return texts;
    }
}
