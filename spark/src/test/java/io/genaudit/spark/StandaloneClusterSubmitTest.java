package io.genaudit.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genaudit.audits.cli.Main;
import io.genaudit.engine.image.ImageFolderSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The one test with a fresh executor JVM: a Spark standalone master and one worker on 127.0.0.1 (a SPARK_HOME whose
 * jars/ links Spark's jars from the test class path, and nothing of genaudit's), the shaded genaudit-spark jar
 * submitted alone with {@code SparkSubmit} in client mode, and one plan with two audits whose models are shipped to
 * the executor: FID over Parquet image tables through the TorchScript extractor, and perplexity of the GPT-2 ONNX
 * export (with its tokenizer) over a Parquet text table, both tables written by DuckDB. Each result must equal the
 * single-JVM plan run over the same images and documents as folders. Runs in {@code verify} (the shaded jar is built
 * in {@code package}).
 */
@Tag("integration")
class StandaloneClusterSubmitTest {
    /**
     * Runtime dependencies a Spark distribution already holds (its own versions): they stay on the cluster's class path;
     * every other runtime jar of genaudit is left out of it (the shaded jar carries them).
     */
    static final List<String> CLUSTER_PROVIDED = List.of("/com/fasterxml/jackson/", "/org/slf4j/", "/org/apache/logging/log4j/",
            "/commons-io/", "/commons-codec/", "/org/apache/commons/", "/org/yaml/", "/com/google/code/gson/", "/org/javassist/");

    @TempDir
    Path dir;

    @Test
    void shadedJarScoresImagesAndTextsOnAFreshExecutorAndEqualsTheLocalRun() throws Exception {
        Path appJar = Path.of(System.getProperty("genaudit.spark.jar", "target/genaudit-spark-0.1.0-shaded.jar")).toAbsolutePath();
        Path runtimeFile = Path.of(System.getProperty("genaudit.spark.runtimeClasspath", "target/runtime-classpath.txt"));
        assumeTrue(Files.isRegularFile(appJar) && Files.isRegularFile(runtimeFile), "needs the shaded jar: run in verify");
        Set<Path> carried = new HashSet<>(paths(Files.readString(runtimeFile).strip()).stream()
                .filter(p -> CLUSTER_PROVIDED.stream().noneMatch(g -> p.toString().contains(g))).toList());
        List<Path> sparkJars = paths(System.getProperty("java.class.path")).stream()
                .filter(p -> p.toString().endsWith(".jar") && !carried.contains(p) && !p.toString().contains("/target/")).toList();
        assertTrue(sparkJars.stream().noneMatch(p -> p.toString().contains("/ai/djl/") || p.toString().contains("genaudit")),
                "the cluster's jars hold nothing of genaudit's: " + sparkJars);

        Path realDir = ImageTables.folder(dir.resolve("real"), 24, 3);
        Path genDir = ImageTables.inverted(dir.resolve("gen"), 21, 4);
        writeWithDuckDb(realDir, dir.resolve("real.parquet"));
        writeWithDuckDb(genDir, dir.resolve("gen.parquet"));
        List<String> ids = new ArrayList<>();
        List<String> texts = SparkTextAuditsTest.corpus(ids);
        Files.createDirectories(dir.resolve("docs"));
        for (int i = 0; i < ids.size(); i++) Files.writeString(dir.resolve("docs").resolve(ids.get(i)), texts.get(i));
        writeTextsWithDuckDb(ids, texts, dir.resolve("docs.parquet"));
        Path localPlan = Files.writeString(dir.resolve("local.yaml"), plan("real", "gen", "docs"));
        Path clusterPlan = Files.writeString(dir.resolve("cluster.yaml"), plan("real.parquet", "gen.parquet", "docs.parquet"));
        Path localOut = dir.resolve("local-out");
        long t0 = System.nanoTime();
        assertEquals(0, Main.commandLine().execute("audit", localPlan.toString(), "--out", localOut.toString(), "--cache", dir.resolve("cache").toString()));

        List<String> jvm = jvmOptions();
        long t1 = System.nanoTime();
        // 3 cores: the client-mode application's executor, and the cluster-mode driver and its executor (1 core each)
        try (StandaloneCluster cluster = StandaloneCluster.start(dir.resolve("spark-home"), sparkJars, jvm, 1, 3, "3584m")) {
            long t2 = System.nanoTime();
            // both at once: most of a submission's time is JVM and Spark start-up latency, which overlaps on 2 cores
            Submission client = submit(cluster, jvm, appJar, clusterPlan, "client");
            Submission onWorker = submit(cluster, jvm, appJar, clusterPlan, "cluster");
            JsonNode clientRun = client.await(cluster), workerRun = onWorker.await(cluster);
            System.out.printf("StandaloneClusterSubmitTest: single-JVM run %.1f s, master + worker start %.1f s, spark-submit in client and "
                    + "cluster mode at once %.1f s%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9, (System.nanoTime() - t2) / 1e9);
            JsonNode local = new ObjectMapper().readTree(localOut.resolve("run.json").toFile()).get("audits");
            assertEqualsLocal(local, clientRun, cluster.masterUrl(), ids.size());
            assertEqualsLocal(local, workerRun, cluster.masterUrl(), ids.size());
            // the executors were fresh JVMs the worker launched (one per application), the cluster-mode driver too, and
            // both models reached every executor through Spark's file server
            List<Path> apps, drivers;
            try (Stream<Path> s = Files.list(cluster.home().resolve("work-0"))) {
                List<Path> all = s.toList();
                apps = all.stream().filter(p -> p.getFileName().toString().startsWith("app-")).toList();
                drivers = all.stream().filter(p -> p.getFileName().toString().startsWith("driver-")).toList();
            }
            assertEquals(2, apps.size(), "one executor folder per application: " + apps);
            assertEquals(1, drivers.size(), "the cluster-mode driver ran on the worker: " + drivers);
            for (Path app : apps) {
                try (Stream<Path> s = Files.walk(app)) {
                    List<String> names = s.map(p -> p.getFileName().toString()).toList();
                    assertTrue(names.contains("stderr"), "executor logs in the worker's work folder: " + names);
                    assertTrue(names.stream().anyMatch(n -> n.startsWith("genaudit-fx-") && n.endsWith("-features.pt")), "extractor shipped: " + names);
                    for (String f : List.of("-model-model.onnx", "-model-config.json", "-tokenizer-tokenizer.json", "-tokenizer-tokenizer_config.json")) {
                        assertTrue(names.stream().anyMatch(n -> n.startsWith("genaudit-gpt2-") && n.endsWith(f)), "language model file " + f + " shipped: " + names);
                    }
                }
            }
        }
    }

    /** A running spark-submit: its mode, process, log and output folder. */
    private record Submission(String mode, Process process, Path log, Path out) {
        /** Its run.json, once spark-submit has exited 0 (in cluster mode it waits for the driver on the worker). */
        JsonNode await(StandaloneCluster cluster) throws Exception {
            boolean done = process.waitFor(480, TimeUnit.SECONDS);
            if (!done) process.destroyForcibly();
            assertTrue(done && process.exitValue() == 0 && Files.isRegularFile(out.resolve("run.json")), "spark-submit --deploy-mode " + mode + " "
                    + (done ? "exit " + process.exitValue() : "timed out") + "; its log tail:\n" + tail(log, 40)
                    + "\ndriver and executor log tails on the worker:\n" + executorLogTail(cluster.home()));
            return new ObjectMapper().readTree(out.resolve("run.json").toFile());
        }
    }

    /**
     * Starts submitting the shaded jar with {@code plan} to {@code cluster} in {@code mode} ({@code client}: the driver
     * runs in the spark-submit JVM; {@code cluster}: the worker launches it and spark-submit waits for it).
     */
    private Submission submit(StandaloneCluster cluster, List<String> jvm, Path appJar, Path plan, String mode) throws Exception {
        String modelJvm = " --enable-native-access=ALL-UNNAMED -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1";
        List<String> submitJvm = new ArrayList<>(jvm);
        submitJvm.addAll(List.of("-Xmx1g", "--enable-native-access=ALL-UNNAMED", "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=1"));
        Path out = dir.resolve(mode + "-out");
        List<String> cmd = StandaloneCluster.javaCommand(cluster.home(), submitJvm, "org.apache.spark.deploy.SparkSubmit",
                "--master", cluster.masterUrl(), "--deploy-mode", mode, "--class", SparkAuditMain.class.getName(),
                "--conf", "spark.ui.enabled=false", "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.cores.max=1",
                "--conf", "spark.standalone.submit.waitAppCompletion=true",
                "--driver-memory", "1g", "--conf", "spark.driver.extraJavaOptions=" + String.join(" ", jvm) + modelJvm,
                "--conf", "spark.executor.memory=1g", "--conf", "spark.executor.extraJavaOptions=" + String.join(" ", jvm) + modelJvm,
                "--conf", "spark.executorEnv.ONEDNN_MAX_CPU_ISA=SSE41", "--conf", "spark.sql.shuffle.partitions=3",
                appJar.toString(), "audit", plan.toString(), "--out", out.toString(), "--partitions", "3", "--batch", "4",
                "--cache", dir.resolve("cache-" + mode).toString());
        Path log = dir.resolve("submit-" + mode + ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        StandaloneCluster.environment(pb, cluster.home());
        return new Submission(mode, pb.start(), log, out);
    }

    /** {@code run}'s FID and perplexity (on {@code master}, one executor) equal the single-JVM {@code local} audits. */
    private static void assertEqualsLocal(JsonNode local, JsonNode run, String master, int documents) {
        assertEquals(master, run.get("execution").get("master").asText());
        assertEquals(1, run.get("execution").get("executors").asInt());
        JsonNode fid = run.get("audits").get(0), ppl = run.get("audits").get(1);
        assertEquals("fid-gen", fid.get("id").asText());
        assertEquals("ppl-gpt2", ppl.get("id").asText());
        assertEquals(local.get(0).get("n").asLong(), fid.get("n").asLong());
        assertClose("FID", local.get(0).get("value"), fid.get("value"));
        JsonNode lp = local.get(1);
        assertEquals(documents, ppl.get("details").get("documents").asLong());
        assertEquals(lp.get("n").asLong(), ppl.get("n").asLong());
        assertEquals(lp.get("details").get("tokens").asLong(), ppl.get("details").get("tokens").asLong());
        assertClose("perplexity", lp.get("value"), ppl.get("value"));
        assertClose("perplexity ci.low", lp.get("ci").get("low"), ppl.get("ci").get("low"));
        assertClose("perplexity ci.high", lp.get("ci").get("high"), ppl.get("ci").get("high"));
        assertClose("bits per byte", lp.get("details").get("bits_per_byte"), ppl.get("details").get("bits_per_byte"));
    }

    /** FID of {@code gen} against {@code real} and the GPT-2 ONNX perplexity of {@code docs} (folders or tables). */
    private static String plan(String real, String gen, String docs) {
        Path gpt2 = SparkTextAuditsTest.GPT2;
        return ImageTables.fidPlan(SparkImageFeaturesTest.EXTRACTOR, real, gen,
                "  - {id: gpt2, type: onnx-lm, path: \"%1$s/model.onnx\", tokenizer: \"%1$s/tokenizer.json\"}\n".formatted(gpt2),
                "  - {id: docs, path: %s}\n".formatted(docs),
                """
                  - id: ppl-gpt2
                    metric: perplexity
                    model: gpt2
                    data: docs
                    params: {method: rolling, prefixToken: auto, bootstrap: 100}
                """);
    }

    private static void assertClose(String what, JsonNode a, JsonNode b) {
        double x = a.asDouble(), y = b.asDouble();
        assertEquals(0, ResultAgreement.relativeDifference(x, y), 1e-10, what + ": " + x + " vs " + y);
    }

    /** The JVM options of spark.jvm.options (module openings), as surefire passes them. */
    private static List<String> jvmOptions() {
        String s = System.getProperty("genaudit.spark.jvmOptions", "");
        return Arrays.stream(s.trim().split("\\s+")).filter(o -> !o.isEmpty()).toList();
    }

    private static List<Path> paths(String classPath) {
        return Arrays.stream(classPath.split(File.pathSeparator)).filter(p -> !p.isBlank()).map(p -> Path.of(p).toAbsolutePath().normalize()).toList();
    }

    /** The folder's images as a Parquet table written by DuckDB (row BIGINT, bytes BLOB), rows in folder order. */
    private static void writeWithDuckDb(Path folder, Path table) throws Exception {
        List<Path> files = ImageFolderSource.open(folder).files();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) rows.add(new Object[]{(long) i, Files.readAllBytes(files.get(i))});
        duckDbTable(table, "\"row\" BIGINT, bytes BLOB", rows);
    }

    /** The documents as a Parquet text table written by DuckDB (doc_id VARCHAR, text VARCHAR). */
    private static void writeTextsWithDuckDb(List<String> ids, List<String> texts, Path table) throws Exception {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) rows.add(new Object[]{ids.get(i), texts.get(i)});
        duckDbTable(table, "doc_id VARCHAR, text VARCHAR", rows);
    }

    /** {@code rows} as a Parquet table of {@code columns} written by DuckDB, inserted in reverse: readers must not rely on file order. */
    private static void duckDbTable(Path table, String columns, List<Object[]> rows) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t(" + columns + ")");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (" + "?, ".repeat(rows.get(0).length - 1) + "?)")) {
                for (int i = rows.size() - 1; i >= 0; i--) {
                    for (int k = 0; k < rows.get(i).length; k++) {
                        if (rows.get(i)[k] instanceof byte[] bytes) ps.setBytes(k + 1, bytes);
                        else ps.setObject(k + 1, rows.get(i)[k]);
                    }
                    ps.execute();
                }
            }
            st.execute("COPY t TO '" + table.toString().replace("'", "''") + "' (FORMAT PARQUET)");
        }
    }

    private static String tail(Path f, int n) throws IOException {
        if (!Files.exists(f)) return "(none)";
        List<String> lines = Files.readAllLines(f);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }

    private static String executorLogTail(Path home) throws IOException {
        try (Stream<Path> s = Files.walk(home)) {
            StringBuilder b = new StringBuilder();
            for (Path p : s.filter(p -> p.getFileName().toString().equals("stderr")).toList()) b.append(p).append(":\n").append(tail(p, 30));
            return b.toString();
        }
    }
}
