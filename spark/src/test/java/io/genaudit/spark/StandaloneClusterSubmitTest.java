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
 * jars/ links Spark's jars from the test class path), the packaged genaudit-spark jar submitted with
 * {@code SparkSubmit} in client mode, genaudit's runtime dependencies shipped with {@code --jars} (what the shaded jar
 * holds), the TorchScript extractor shipped to the executor, FID over Parquet image tables written by DuckDB. The
 * result must equal the single-JVM plan run over the same images as folders. Runs in {@code verify} (it needs the
 * packaged jars).
 */
@Tag("integration")
class StandaloneClusterSubmitTest {
    /** Runtime dependencies a Spark distribution already holds (its own versions): they stay on the cluster's class path. */
    static final List<String> CLUSTER_PROVIDED = List.of("/com/fasterxml/jackson/", "/org/slf4j/", "/org/apache/logging/log4j/",
            "/commons-io/", "/commons-codec/", "/org/apache/commons/", "/org/yaml/", "/com/google/code/gson/", "/org/javassist/");

    @TempDir
    Path dir;

    @Test
    void submittedJarExtractsFeaturesOnAFreshExecutorAndEqualsTheLocalRun() throws Exception {
        Path appJar = Path.of(System.getProperty("genaudit.spark.jar", "target/genaudit-spark-0.1.0.jar")).toAbsolutePath();
        Path runtimeFile = Path.of(System.getProperty("genaudit.spark.runtimeClasspath", "target/runtime-classpath.txt"));
        assumeTrue(Files.isRegularFile(appJar) && Files.isRegularFile(runtimeFile), "needs the packaged jars: run in verify");
        List<Path> runtime = paths(Files.readString(runtimeFile).strip());
        assumeTrue(runtime.stream().allMatch(p -> p.toString().endsWith(".jar")), "needs the packaged genaudit jars: run in verify");
        List<Path> shipped = runtime.stream().filter(p -> CLUSTER_PROVIDED.stream().noneMatch(g -> p.toString().contains(g))).toList();
        Set<Path> shippedSet = new HashSet<>(shipped);
        List<Path> sparkJars = paths(System.getProperty("java.class.path")).stream()
                .filter(p -> p.toString().endsWith(".jar") && !shippedSet.contains(p) && !p.toString().contains("/target/")).toList();

        Path realDir = ImageTables.folder(dir.resolve("real"), 24, 3);
        Path genDir = ImageTables.inverted(dir.resolve("gen"), 21, 4);
        writeWithDuckDb(realDir, dir.resolve("real.parquet"));
        writeWithDuckDb(genDir, dir.resolve("gen.parquet"));
        Path extractor = SparkImageFeaturesTest.EXTRACTOR;
        Path localPlan = Files.writeString(dir.resolve("local.yaml"), ImageTables.fidPlan(extractor, "real", "gen"));
        Path clusterPlan = Files.writeString(dir.resolve("cluster.yaml"), ImageTables.fidPlan(extractor, "real.parquet", "gen.parquet"));
        Path localOut = dir.resolve("local-out");
        assertEquals(0, Main.commandLine().execute("audit", localPlan.toString(), "--out", localOut.toString(), "--cache", dir.resolve("cache").toString()));

        List<String> jvm = jvmOptions();
        try (StandaloneCluster cluster = StandaloneCluster.start(dir.resolve("spark-home"), sparkJars, jvm, 1, 1, "1536m")) {
            List<String> driverJvm = new ArrayList<>(jvm);
            driverJvm.addAll(List.of("-Xmx1g", "--enable-native-access=ALL-UNNAMED", "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=1"));
            Path out = dir.resolve("cluster-out");
            String executorJvm = String.join(" ", jvm) + " --enable-native-access=ALL-UNNAMED -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1";
            List<String> cmd = StandaloneCluster.javaCommand(cluster.home(), driverJvm, "org.apache.spark.deploy.SparkSubmit",
                    "--master", cluster.masterUrl(), "--deploy-mode", "client", "--class", SparkAuditMain.class.getName(),
                    "--jars", String.join(",", shipped.stream().map(Path::toString).toList()),
                    "--conf", "spark.ui.enabled=false", "--conf", "spark.driver.host=127.0.0.1",
                    "--conf", "spark.executor.memory=1g", "--conf", "spark.executor.extraJavaOptions=" + executorJvm,
                    "--conf", "spark.executorEnv.ONEDNN_MAX_CPU_ISA=SSE41", "--conf", "spark.sql.shuffle.partitions=3",
                    appJar.toString(), "audit", clusterPlan.toString(), "--out", out.toString(), "--partitions", "3");
            Path driverLog = dir.resolve("driver.log");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(driverLog.toFile());
            StandaloneCluster.environment(pb, cluster.home());
            Process driver = pb.start();
            boolean done = driver.waitFor(300, TimeUnit.SECONDS);
            if (!done) driver.destroyForcibly();
            assertTrue(done && driver.exitValue() == 0, "spark-submit " + (done ? "exit " + driver.exitValue() : "timed out") + "; driver log tail:\n" + tail(driverLog, 40)
                    + "\nexecutor log tail:\n" + executorLogTail(cluster.home()));

            JsonNode local = fid(localOut);
            JsonNode run = new ObjectMapper().readTree(out.resolve("run.json").toFile());
            JsonNode onCluster = run.get("audits").get(0);
            assertEquals(cluster.masterUrl(), run.get("execution").get("master").asText());
            assertEquals(1, run.get("execution").get("executors").asInt());
            assertEquals(local.get("n").asLong(), onCluster.get("n").asLong());
            double l = local.get("value").asDouble();
            assertEquals(0, ResultAgreement.relativeDifference(l, onCluster.get("value").asDouble()), 1e-10, l + " vs " + onCluster.get("value"));
            // the executor was a fresh JVM the worker launched, and the model reached it through Spark's file server
            try (Stream<Path> s = Files.walk(cluster.home().resolve("work-0"))) {
                List<String> names = s.map(p -> p.getFileName().toString()).toList();
                assertTrue(names.contains("stderr"), "executor logs in the worker's work folder: " + names);
                assertTrue(names.stream().anyMatch(n -> n.startsWith("genaudit-fx-") && n.endsWith("-features.pt")), "model shipped: " + names);
            }
        }
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
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t(\"row\" BIGINT, bytes BLOB)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
                for (int i = files.size() - 1; i >= 0; i--) { // written in reverse: the reader must not rely on file order
                    ps.setLong(1, i);
                    ps.setBytes(2, Files.readAllBytes(files.get(i)));
                    ps.execute();
                }
            }
            st.execute("COPY t TO '" + table.toString().replace("'", "''") + "' (FORMAT PARQUET)");
        }
    }

    private static JsonNode fid(Path out) throws IOException {
        return new ObjectMapper().readTree(out.resolve("run.json").toFile()).get("audits").get(0);
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
