package io.genaudit.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genaudit.audits.cli.Main;
import io.genaudit.engine.io.NpyArray;
import io.genaudit.engine.io.NpyWriter;
import io.genaudit.engine.io.NpzWriter;
import io.genaudit.metrics.contract.MetricRun;
import io.genaudit.metrics.diversity.DiversityMetric;
import io.genaudit.metrics.diversity.TextSample;
import io.genaudit.metrics.fidelity.GaussianStatistics;
import io.genaudit.metrics.perplexity.TextDocument;
import io.genaudit.metrics.perplexity.TextDocuments;
import io.genaudit.reports.RunRecordJson;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.genaudit.spark.JsonAgreement.assertClose;
import static io.genaudit.spark.JsonAgreement.assertJsonClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The single-machine plan's local datasets on a local master ({@code local[2]}): {@code .npy} features, a statistics
 * {@code .npz}, {@code .npy} class logits, image folders (features extracted on executors by the TorchScript fixture) and a text folder
 * (perplexity, diversity) give the results of the single-JVM run of the same plan; with a cluster master they are
 * refused by name before Spark starts.
 */
@Tag("integration") // starts a local Spark runtime (tens of seconds): integration tier
class SparkLocalInputsTest {
    private static final Path GPT2 = SparkTextAuditsTest.GPT2;

    @TempDir
    Path dir;

    @Test
    void localDatasetsOnALocalMasterGiveTheSingleJvmResults() throws Exception {
        LocalSpark.session();
        float[][] real = FeatureTables.gaussian(300, 8, 0, 31);
        double[][] gen = FeatureTables.widened(FeatureTables.gaussian(260, 8, 0.3, 32));
        NpyWriter.write(dir.resolve("real.npy"), NpyArray.ofFloat32(new long[]{300, 8}, flat(real)));
        NpyWriter.write(dir.resolve("gen.npy"), NpyArray.matrix(gen));
        GaussianStatistics stats = GaussianStatistics.of(FeatureTables.widened(real));
        NpzWriter.writeStats(dir.resolve("real-stats.npz"), stats.mean(), stats.covariance());
        ImageTables.folder(dir.resolve("real-img"), 21, 3);
        ImageTables.inverted(dir.resolve("gen-img"), 19, 4);
        Path docs = corpus(dir.resolve("docs"));
        Path cache = dir.resolve("cache");

        Path localOut = dir.resolve("local-out");
        assertEquals(0, Main.commandLine().execute("audit", plan("local.yaml", "").toString(), "--out", localOut.toString(),
                "--cache", cache.toString()));
        Path sparkOut = dir.resolve("spark-out");
        assertEquals(0, SparkAuditMain.run("audit", plan("spark.yaml", DIVERSITY).toString(), "--out", sparkOut.toString(),
                "--master", "local[2]", "--partitions", "3", "--batch", "3", "--cache", cache.toString(), "--check-local"));

        ObjectMapper json = new ObjectMapper();
        JsonNode local = json.readTree(localOut.resolve("run.json").toFile()).get("audits");
        JsonNode spark = json.readTree(sparkOut.resolve("run.json").toFile()).get("audits");
        assertEquals(local.size() + 1, spark.size());
        for (int a = 0; a < local.size(); a++) {
            JsonNode l = local.get(a), s = spark.get(a);
            String id = l.get("id").asText();
            assertEquals(id, s.get("id").asText());
            assertEquals("spark", s.get("settings").get("engine").asText(), id);
            assertEquals(l.get("n").asLong(), s.get("n").asLong(), id);
            assertJsonClose(id + ".value", l.get("value"), s.get("value"));
            assertJsonClose(id + ".ci", l.get("ci"), s.get("ci"));
            assertJsonClose(id + ".details", l.get("details"), s.get("details"));
        }
        assertEquals(260, spark.get(0).get("n").asLong());
        assertTrue(spark.get(0).get("ci").get("low").asDouble() > 0, "a bootstrap interval over the .npy rows");
        assertEquals(15, spark.get(2).get("n").asLong(), "samples: 15 of the 19 generated images");
        assertEquals(8, spark.get(2).get("settings").get("extractor_dim").asInt());
        assertEquals(7, spark.get(4).get("details").get("per_document").size());

        // diversity over the text folder (Spark only: single-machine plans generate the texts) = the metric on the same texts
        List<TextSample> samples = new ArrayList<>();
        for (TextDocument d : TextDocuments.readNamed(docs)) samples.add(new TextSample(TextSample.Set.GENERATED, samples.size(), d.id(), null, d.text()));
        DiversityMetric dm = new DiversityMetric();
        DiversityMetric.Result direct = MetricRun.once(dm, dm.parameters().bind(Map.of("bootstrap", 0, "vendiMaxItems", 5), 5L), samples);
        JsonNode div = spark.get(local.size());
        ObjectMapper records = RunRecordJson.mapper();
        assertEquals(samples.size(), div.get("n").asLong());
        assertClose("diversity value", records.valueToTree(direct.value()), div.get("value"));
        assertClose("diversity self-BLEU-4", records.valueToTree(direct.generated().selfBleu_4()), div.get("details").get("self_bleu_4"));
        assertClose("diversity vendi", records.valueToTree(direct.generated().vendi()), div.get("details").get("vendi"));
    }

    @Test
    void localDatasetsOnAClusterMasterAreRefusedByName() throws Exception {
        Files.write(dir.resolve("real.npy"), new byte[]{1, 2, 3});
        ImageTables.folder(dir.resolve("real-img"), 2, 3);
        ImageTables.folder(dir.resolve("gen-img"), 2, 4);
        Path docs = corpus(dir.resolve("docs"));
        Files.writeString(dir.resolve("real-stats.npz"), "not a zip");
        Files.copy(dir.resolve("real.npy"), dir.resolve("gen.npy"));
        Path out = dir.resolve("out");
        for (String[] c : new String[][]{{"fid-npy", "real-npy"}, {"fid-images", "real-img"}, {"ppl", "corpus"}}) {
            Path plan = Files.writeString(dir.resolve(c[0] + ".yaml"), only(Files.readString(plan("all.yaml", "")), c[0]));
            String err = stderrOf(() -> assertEquals(2, SparkAuditMain.run("audit", plan.toString(), "--out", out.toString(),
                    "--master", "spark://127.0.0.1:7077"), c[0]));
            assertTrue(err.contains("dataset '" + c[1] + "'") && err.contains("convert it to a Parquet table")
                    && err.strip().lines().count() == 1, err);
            assertFalse(Files.exists(out));
        }
        // on a local master the truncated .npy is read, and named
        LocalSpark.session();
        Path npyPlan = dir.resolve("fid-npy.yaml");
        String err = stderrOf(() -> assertEquals(2, SparkAuditMain.run("audit", npyPlan.toString(), "--out", out.toString(), "--master", "local[2]")));
        assertTrue(err.contains("real.npy"), err);
        assertFalse(Files.exists(out));
    }

    /** Spark only: diversity of the text folder as given generations. */
    private static final String DIVERSITY = """
              - {id: div, metric: diversity, data: corpus, params: {bootstrap: 0, vendiMaxItems: 5}}
            """;

    /** The plan both runs read (the single JVM and local[2]), then {@code more}. */
    private Path plan(String name, String more) throws Exception {
        return Files.writeString(dir.resolve(name), """
                name: local-inputs
                seed: 5
                models:
                  - {id: fx, type: torchscript-features, path: "%1$s"}
                  - {id: gpt2-onnx, type: onnx-lm, path: %2$s/model.onnx, tokenizer: %2$s/tokenizer.json}
                datasets:
                  - {id: real-npy, path: real.npy}
                  - {id: gen-npy, path: gen.npy}
                  - {id: real-stats, path: real-stats.npz}
                  - {id: real-img, path: real-img}
                  - {id: gen-img, path: gen-img}
                  - {id: corpus, path: docs}
                audits:
                  - {id: fid-npy, metric: fid, params: {real: real-npy, fake: gen-npy, features: fx, bootstrap: 20}}
                  - {id: fid-npz, metric: fid, params: {real: real-stats, fake: gen-npy, features: fx, bootstrap: 0}}
                  - {id: fid-images, metric: fid, params: {real: real-img, fake: gen-img, features: fx, batch: 4, samples: 15, bootstrap: 0}}
                  - {id: is-npy, metric: inception-score, params: {fake: gen-npy, classifier: fx, splits: 2, bootstrap: 0}}
                  - {id: ppl, metric: perplexity, model: gpt2-onnx, data: corpus, params: {method: rolling, prefixToken: auto, bootstrap: 50}}
                """.formatted(SparkImageFeaturesTest.EXTRACTOR, GPT2) + more);
    }

    /** {@code plan} with only the audit {@code id}. */
    private static String only(String plan, String id) {
        StringBuilder sb = new StringBuilder();
        for (String line : plan.split("\n")) if (!line.startsWith("  - {id: ") || !line.contains("metric:") || line.contains("{id: " + id + ",")) sb.append(line).append('\n');
        return sb.toString();
    }

    /** Seven documents as .txt files, two in a sub-folder (read recursively, sorted by path), one with non-ASCII text. */
    private static Path corpus(Path folder) throws Exception {
        List<String> words = new ArrayList<>();
        for (String w : Files.readString(GPT2.resolve("docs").resolve("notes.txt")).split("\\s+")) if (!w.isEmpty()) words.add(w);
        Files.createDirectories(folder.resolve("sub"));
        for (int d = 0; d < 7; d++) {
            StringBuilder sb = new StringBuilder(d == 3 ? "Grüße aus Köln — " : "");
            for (int k = 0; k < 3 + 9 * d; k++) sb.append(k == 0 ? "" : " ").append(words.get((7 * d + k) % words.size()));
            Path f = d < 5 ? folder.resolve("doc-" + d + ".txt") : folder.resolve("sub").resolve("doc-" + d + ".txt");
            Files.writeString(f, sb.toString());
        }
        return folder;
    }

    private static float[] flat(float[][] x) {
        float[] out = new float[x.length * x[0].length];
        for (int i = 0; i < x.length; i++) System.arraycopy(x[i], 0, out, i * x[0].length, x[i].length);
        return out;
    }

    private static String stderrOf(Runnable r) {
        PrintStream saved = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setErr(saved);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
