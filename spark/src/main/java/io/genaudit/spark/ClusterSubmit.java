package io.genaudit.spark;

import io.genaudit.audits.execution.ExecutionEngines;
import io.genaudit.engine.InputException;
import org.apache.spark.launcher.SparkLauncher;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Submits a plan to a cluster master ({@code spark://}, {@code yarn}, {@code k8s://}) the way Spark wants a driver
 * started: {@code $SPARK_HOME/bin/spark-submit} through {@link SparkLauncher}, with the genaudit-spark shaded jar as
 * the application and {@link SparkAuditMain} as its main class. In client mode the driver (and so a local output
 * folder) stays on this machine; in cluster mode the cluster starts the driver on a worker, so the plan and the output
 * must be Hadoop file system URIs ({@link #checkClusterMode}). The submitted driver finds the master spark-submit set
 * and runs embedded there.
 *
 * @param sparkHome the Spark installation ({@code SPARK_HOME})
 * @param jar       the genaudit-spark shaded jar (the application resource)
 * @param master    the cluster master URL
 * @param deployMode {@value #CLIENT} or {@value #CLUSTER}: where the driver runs
 * @param appName   the application's name on the cluster
 * @param conf      Spark settings ({@code spark.*}) passed as {@code --conf}
 * @param appArgs   the arguments of {@link SparkAuditMain} ({@code audit PLAN --out DIR ...})
 */
public record ClusterSubmit(Path sparkHome, Path jar, String master, String deployMode, String appName, Map<String, String> conf, List<String> appArgs) {
    /** The environment variable naming the shaded jar when it is not given with {@code --spark-jar}. */
    public static final String JAR_ENV = "GENAUDIT_SPARK_JAR";
    /** The deploy mode that runs the driver in the submitting process (this machine). */
    public static final String CLIENT = "client";
    /** The deploy mode that runs the driver on a worker the cluster chooses. */
    public static final String CLUSTER = "cluster";
    /** Makes spark-submit wait for a standalone cluster-mode driver, so its exit code is the application's outcome. */
    static final String WAIT_STANDALONE = "spark.standalone.submit.waitAppCompletion";

    public ClusterSubmit {
        conf = new LinkedHashMap<>(conf);
        appArgs = List.copyOf(appArgs);
    }

    /**
     * The submission of {@code appArgs} to {@code master}, after checking what it needs: {@code SPARK_HOME} (from
     * {@code env}) with an executable {@code bin/spark-submit}, and the shaded jar ({@code jar}, else
     * {@value #JAR_ENV}, else the jar this class was loaded from). A standalone ({@code spark://}) cluster-mode
     * submission waits for the driver ({@value #WAIT_STANDALONE}, unless {@code conf} sets it).
     *
     * @throws InputException naming SPARK_HOME, the jar or the setting that is missing (exit 2)
     */
    public static ClusterSubmit of(Map<String, String> env, String master, String deployMode, Path jar, String appName,
                                   Map<String, String> conf, List<String> appArgs) {
        boolean onWorker = cluster(deployMode);
        String home = env.get("SPARK_HOME");
        if (home == null || home.isBlank()) {
            throw new InputException("SPARK_HOME", "not set: submitting to " + master + " needs a Spark 4.x installation "
                    + "(its bin/spark-submit starts the driver); set SPARK_HOME, or run spark-submit --master " + master + " --class "
                    + ExecutionEngines.SPARK_MAIN + " genaudit-spark-0.1.0-shaded.jar " + String.join(" ", appArgs));
        }
        Path sparkHome = Path.of(home);
        Path submit = sparkHome.resolve("bin").resolve("spark-submit");
        if (!Files.isRegularFile(submit) || !Files.isExecutable(submit)) {
            throw new InputException(submit.toString(), "not found or not executable: SPARK_HOME must point at a Spark 4.x installation");
        }
        Path app = jar != null ? jar : env.get(JAR_ENV) != null && !env.get(JAR_ENV).isBlank() ? Path.of(env.get(JAR_ENV)) : ownJar();
        if (app == null) {
            throw new InputException("--spark-jar", "the genaudit-spark shaded jar is needed to submit to " + master + " and this code "
                    + "was not loaded from a jar; build it (./mvnw -B -pl spark -am -DskipTests package) and pass --spark-jar "
                    + "spark/target/genaudit-spark-0.1.0-shaded.jar (or set " + JAR_ENV + ")");
        }
        if (!Files.isRegularFile(app)) throw new InputException(app.toString(), "genaudit-spark jar not found (--spark-jar / " + JAR_ENV + ")");
        for (String key : conf.keySet()) {
            if (!key.startsWith("spark.")) throw new InputException("--conf", "'" + key + "' is not a Spark setting (spark.*)");
        }
        Map<String, String> settings = new LinkedHashMap<>(conf);
        if (onWorker && master.startsWith("spark://")) settings.putIfAbsent(WAIT_STANDALONE, "true");
        return new ClusterSubmit(sparkHome, app.toAbsolutePath(), master, deployMode, appName, settings, appArgs);
    }

    /**
     * Whether {@code deployMode} is {@value #CLUSTER}.
     *
     * @throws InputException naming {@code --deploy-mode} when it is neither {@value #CLIENT} nor {@value #CLUSTER} (exit 2)
     */
    static boolean cluster(String deployMode) {
        if (!CLIENT.equals(deployMode) && !CLUSTER.equals(deployMode)) {
            throw new InputException("--deploy-mode", "'" + deployMode + "' is not a deploy mode (client or cluster expected)");
        }
        return CLUSTER.equals(deployMode);
    }

    /**
     * Refuses, before anything is submitted, what a cluster-mode driver cannot reach: it runs on a worker, so a
     * local plan or {@code --out} would name that worker's disk (the plan not there, the results lost with it), and
     * a run store ({@code --store}) lives on the submitting machine's disk. Plan and output must be Hadoop file system
     * URIs ({@code s3a://}, {@code hdfs://}, ...).
     *
     * @throws InputException naming the plan, {@code --out} or {@code --store} (exit 2)
     */
    static void checkClusterMode(String plan, String out, Path store) {
        String why = "the cluster-mode driver runs on a worker, not on this machine; give a Hadoop file system URI (s3a://, hdfs://, ...) "
                + "or use --deploy-mode client";
        if (Locations.isLocal(plan)) throw new InputException(plan, "a local plan cannot be read in cluster mode: " + why);
        if (Locations.isLocal(out)) throw new InputException("--out", "'" + out + "' is local, results would stay on the worker in cluster mode: " + why);
        if (store != null) {
            throw new InputException("--store", "the run store is on the driver's disk, a worker's in cluster mode; "
                    + "use --deploy-mode client to keep the run in a store");
        }
    }

    /** The jar {@link SparkAuditMain} was loaded from, or null when it came from a class folder (tests, IDEs). */
    static Path ownJar() {
        try {
            var src = SparkAuditMain.class.getProtectionDomain().getCodeSource();
            if (src == null) return null;
            Path p = Path.of(src.getLocation().toURI());
            return Files.isRegularFile(p) && p.getFileName().toString().endsWith(".jar") ? p : null;
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }

    /** The launcher for this submission, output and errors going to this process's. */
    public SparkLauncher launcher() {
        SparkLauncher l = new SparkLauncher()
                .setSparkHome(sparkHome.toString())
                .setAppResource(jar.toString())
                .setMainClass(ExecutionEngines.SPARK_MAIN)
                .setMaster(master)
                .setDeployMode(deployMode)
                .setAppName(appName)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        conf.forEach(l::setConf);
        l.addAppArgs(appArgs.toArray(new String[0]));
        return l;
    }

    /** The spark-submit command line this submission runs, for the log. */
    public List<String> commandLine() {
        List<String> cmd = new ArrayList<>(List.of(sparkHome.resolve("bin").resolve("spark-submit").toString(), "--master", master,
                "--deploy-mode", deployMode, "--name", appName));
        conf.forEach((k, v) -> cmd.addAll(List.of("--conf", k + "=" + v)));
        cmd.addAll(List.of("--class", ExecutionEngines.SPARK_MAIN, jar.toString()));
        cmd.addAll(appArgs);
        return cmd;
    }

    /** Runs spark-submit and waits for it; returns its exit code (the driver's: genaudit's exit codes in client mode; in
     * cluster mode spark-submit's, 0 only when the driver succeeded). */
    public int launch() throws IOException, InterruptedException {
        return launcher().launch().waitFor();
    }
}
