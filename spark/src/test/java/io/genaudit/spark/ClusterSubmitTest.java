package io.genaudit.spark;

import io.genaudit.engine.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Submitting to a cluster master without a cluster: a stand-in {@code $SPARK_HOME/bin/spark-submit} that records its
 * arguments shows what {@link org.apache.spark.launcher.SparkLauncher} really runs (application jar, main class,
 * master, client mode, settings, the plan's arguments) and that its exit code comes back; a missing SPARK_HOME,
 * spark-submit or jar is a one-line user error. Cluster deploy mode reaches spark-submit (waiting for a standalone
 * driver), and what a driver on a worker cannot reach (a local plan or output, a run store) is refused before submitting.
 */
class ClusterSubmitTest {
    @TempDir
    Path dir;

    /** A SPARK_HOME whose spark-submit writes its arguments, one a line, to args.txt and exits with {@code code}. */
    private Path fakeSparkHome(int code) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("spark-home/bin"));
        Path submit = bin.resolve("spark-submit");
        Files.writeString(submit, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > \"" + dir.resolve("args.txt") + "\"\nexit " + code + "\n");
        Files.setPosixFilePermissions(submit, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin.getParent();
    }

    private Path jar() throws Exception {
        return Files.write(dir.resolve("genaudit-spark-0.1.0-shaded.jar"), new byte[]{'P', 'K', 5, 6});
    }

    private static final List<String> APP_ARGS = List.of("audit", "/plans/fid.yaml", "--out", "/runs/out", "--tree-depth", "3");

    @Test
    void sparkSubmitGetsTheJarTheMainClassTheMasterAndThePlan() throws Exception {
        List<String> args = submitted("client", 1, APP_ARGS);
        assertEquals("client", args.get(args.indexOf("--deploy-mode") + 1));
        assertFalse(args.contains(ClusterSubmit.WAIT_STANDALONE + "=true"), args.toString());
    }

    /**
     * The arguments a stand-in spark-submit exiting with {@code code} got from a {@code mode} submission of
     * {@code appArgs} to a standalone master, after checking that the code came back, the master, main class, name
     * and setting, that {@code appArgs} follow the application jar and that the logged command is what ran.
     */
    private List<String> submitted(String mode, int code, List<String> appArgs) throws Exception {
        Path home = fakeSparkHome(code);
        ClusterSubmit s = ClusterSubmit.of(Map.of("SPARK_HOME", home.toString()), "spark://10.0.0.5:7077", mode, jar(), "genaudit fid",
                Map.of("spark.executor.memory", "8g"), appArgs);
        assertEquals(code, s.launch(), "spark-submit's exit code (a failed gate) comes back");
        List<String> args = Files.readAllLines(dir.resolve("args.txt"));
        assertEquals("spark://10.0.0.5:7077", args.get(args.indexOf("--master") + 1));
        assertEquals("io.genaudit.spark.SparkAuditMain", args.get(args.indexOf("--class") + 1));
        assertEquals("genaudit fid", args.get(args.indexOf("--name") + 1));
        assertTrue(args.contains("spark.executor.memory=8g"), args.toString());
        int app = args.indexOf(s.jar().toString());
        assertTrue(app > 0, "the application jar: " + args);
        assertEquals(appArgs, args.subList(app + 1, args.size()), "the plan's arguments follow the jar");
        assertEquals(args, s.commandLine().subList(1, s.commandLine().size()), "the logged command is what ran");
        return args;
    }

    @Test
    void missingSparkHomeSubmitOrJarAreUserErrors() throws Exception {
        Path jar = jar();
        InputException noHome = assertThrows(InputException.class,
                () -> ClusterSubmit.of(Map.of(), "yarn", "client", jar, "a", Map.of(), APP_ARGS));
        assertTrue(noHome.getMessage().startsWith("SPARK_HOME: not set: submitting to yarn needs a Spark 4.x installation"), noHome.getMessage());
        assertTrue(noHome.getMessage().contains("spark-submit --master yarn --class io.genaudit.spark.SparkAuditMain"), noHome.getMessage());

        Path empty = Files.createDirectories(dir.resolve("not-spark"));
        InputException noSubmit = assertThrows(InputException.class,
                () -> ClusterSubmit.of(Map.of("SPARK_HOME", empty.toString()), "yarn", "client", jar, "a", Map.of(), APP_ARGS));
        assertTrue(noSubmit.getMessage().contains("bin/spark-submit: not found or not executable"), noSubmit.getMessage());

        Path home = fakeSparkHome(0);
        InputException noJar = assertThrows(InputException.class,
                () -> ClusterSubmit.of(Map.of("SPARK_HOME", home.toString()), "yarn", "client", null, "a", Map.of(), APP_ARGS));
        assertTrue(noJar.getMessage().startsWith("--spark-jar: the genaudit-spark shaded jar is needed"), noJar.getMessage());
        InputException goneJar = assertThrows(InputException.class, () -> ClusterSubmit.of(
                Map.of("SPARK_HOME", home.toString(), ClusterSubmit.JAR_ENV, dir.resolve("gone.jar").toString()), "yarn", "client", null, "a", Map.of(), APP_ARGS));
        assertTrue(goneJar.getMessage().contains("gone.jar: genaudit-spark jar not found"), goneJar.getMessage());
        InputException badConf = assertThrows(InputException.class, () -> ClusterSubmit.of(
                Map.of("SPARK_HOME", home.toString()), "yarn", "client", jar, "a", Map.of("executor.memory", "8g"), APP_ARGS));
        assertTrue(badConf.getMessage().startsWith("--conf: 'executor.memory' is not a Spark setting"), badConf.getMessage());
    }

    private static final List<String> REMOTE_ARGS = List.of("audit", "s3a://plans/fid.yaml", "--out", "s3a://runs/out", "--tree-depth", "3");

    @Test
    void clusterModeReachesSparkSubmitAndWaitsForAStandaloneDriver() throws Exception {
        List<String> args = submitted("cluster", 0, REMOTE_ARGS);
        assertEquals("cluster", args.get(args.indexOf("--deploy-mode") + 1));
        assertTrue(args.contains(ClusterSubmit.WAIT_STANDALONE + "=true"), "spark-submit waits for the driver: " + args);
        Path home = dir.resolve("spark-home");
        Path jar = dir.resolve("genaudit-spark-0.1.0-shaded.jar");

        ClusterSubmit yarn = ClusterSubmit.of(Map.of("SPARK_HOME", home.toString()), "yarn", "cluster", jar, "a", Map.of(), REMOTE_ARGS);
        assertEquals(Map.of(), yarn.conf(), "no standalone setting for YARN");
        ClusterSubmit noWait = ClusterSubmit.of(Map.of("SPARK_HOME", home.toString()), "spark://h:7077", "cluster", jar, "a",
                Map.of(ClusterSubmit.WAIT_STANDALONE, "false"), REMOTE_ARGS);
        assertEquals("false", noWait.conf().get(ClusterSubmit.WAIT_STANDALONE), "the user's setting wins");
        InputException badMode = assertThrows(InputException.class, () -> ClusterSubmit.of(
                Map.of("SPARK_HOME", home.toString()), "yarn", "worker", jar, "a", Map.of(), REMOTE_ARGS));
        assertEquals("--deploy-mode: 'worker' is not a deploy mode (client or cluster expected)", badMode.getMessage());
    }

    @Test
    void clusterModeRefusesLocalOutputLocalPlanAndStoreBeforeSubmitting() throws Exception {
        String master = "spark://10.0.0.5:7077";
        String localOut = refusal("audit", "s3a://plans/fid.yaml", "--out", dir.resolve("out").toString(),
                "--master", master, "--deploy-mode", "cluster");
        assertTrue(localOut.startsWith("--out: '" + dir.resolve("out") + "' is local, results would stay on the worker"), localOut);
        String localPlan = refusal("audit", dir.resolve("fid.yaml").toString(), "--out", "s3a://runs/out",
                "--master", master, "--deploy-mode", "cluster");
        assertTrue(localPlan.startsWith(dir.resolve("fid.yaml") + ": a local plan cannot be read in cluster mode"), localPlan);
        String fileUriPlan = refusal("audit", dir.resolve("fid.yaml").toUri().toString(), "--out", "s3a://runs/out",
                "--master", master, "--deploy-mode", "cluster");
        assertTrue(fileUriPlan.contains("a local plan cannot be read in cluster mode"), fileUriPlan);
        String store = refusal("audit", "s3a://plans/fid.yaml", "--out", "s3a://runs/out", "--store",
                dir.resolve("store").toString(), "--master", master, "--deploy-mode", "cluster");
        assertTrue(store.startsWith("--store: the run store is on the driver's disk"), store);
        String badMode = refusal("audit", "s3a://plans/fid.yaml", "--out", "s3a://runs/out", "--deploy-mode", "worker");
        assertTrue(badMode.startsWith("--deploy-mode: 'worker' is not a deploy mode"), badMode);
        assertFalse(Files.exists(dir.resolve("out")) || Files.exists(dir.resolve("store")), "nothing written");
    }

    /** What {@link SparkAuditMain} printed when it refused {@code args}: exit 2 ({@link UserErrors}) and one line. */
    private static String refusal(String... args) throws Exception {
        String text = UserErrors.of(() -> SparkAuditMain.run(args)).strip();
        assertEquals(1, text.lines().count(), "one line: " + text);
        assertTrue(text.startsWith("genaudit: error: "), text);
        return text.substring("genaudit: error: ".length());
    }
}
