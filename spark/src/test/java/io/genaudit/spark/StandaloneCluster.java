package io.genaudit.spark;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A Spark standalone cluster on 127.0.0.1 for tests and benchmarks: a minimal {@code SPARK_HOME} whose {@code jars/}
 * links the given Spark jars (what a worker puts on its executors' class path), a master and {@code workers}
 * worker processes started with {@code java} (no Spark scripts), each worker launching fresh executor JVMs. Logs go
 * to {@code HOME/logs}; {@link #close} stops the workers, then the master.
 */
public final class StandaloneCluster implements AutoCloseable {
    private final Path home;
    private final String masterUrl;
    private final List<Process> processes = new ArrayList<>();

    private StandaloneCluster(Path home, String masterUrl) {
        this.home = home;
        this.masterUrl = masterUrl;
    }

    /**
     * Builds {@code home} (a SPARK_HOME of links to {@code sparkJars}) and starts a master and {@code workers} workers
     * of {@code cores} cores and {@code memory} (e.g. "2g") each; returns once every worker has registered.
     *
     * @param jvmOptions the JVM options Spark's launcher would add on this JDK (the module openings)
     */
    public static StandaloneCluster start(Path home, List<Path> sparkJars, List<String> jvmOptions, int workers, int cores, String memory)
            throws IOException, InterruptedException {
        sparkHome(home, sparkJars);
        Files.createDirectories(home.resolve("logs"));
        int port = freePort();
        StandaloneCluster c = new StandaloneCluster(home, "spark://127.0.0.1:" + port);
        try {
            Path masterLog = home.resolve("logs").resolve("master.log");
            c.launch(jvmOptions, masterLog, "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", String.valueOf(port),
                    "--webui-port", String.valueOf(freePort()));
            waitFor(masterLog, "I have been elected leader", 1, 90);
            for (int i = 0; i < workers; i++) {
                Path log = home.resolve("logs").resolve("worker-" + i + ".log");
                c.launch(jvmOptions, log, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", String.valueOf(cores),
                        "--memory", memory, "--work-dir", home.resolve("work-" + i).toString(), "--webui-port", String.valueOf(freePort()), c.masterUrl);
                waitFor(log, "Successfully registered with master", 1, 90);
            }
            return c;
        } catch (IOException | InterruptedException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** A SPARK_HOME at {@code home} whose {@code jars/} links every jar of {@code sparkJars} (first of equal names wins). */
    public static Path sparkHome(Path home, List<Path> sparkJars) throws IOException {
        Path jars = Files.createDirectories(home.resolve("jars"));
        Set<String> names = new HashSet<>();
        for (Path j : sparkJars) {
            String name = j.getFileName().toString();
            if (!names.add(name)) continue;
            Path link = jars.resolve(name);
            if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) Files.createSymbolicLink(link, j.toAbsolutePath());
        }
        return home;
    }

    /** The master's URL, {@code spark://127.0.0.1:PORT}. */
    public String masterUrl() {
        return masterUrl;
    }

    /** The SPARK_HOME the workers use. */
    public Path home() {
        return home;
    }

    /** The environment every process of the cluster (and a driver submitting to it) needs. */
    public static void environment(ProcessBuilder pb, Path home) {
        pb.environment().put("SPARK_HOME", home.toString());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        // Spark's scripts (load-spark-env.sh) export it; without it a worker's command builder looks for a source
        // build and every executor fails with "Cannot find any build directories."
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("ONEDNN_MAX_CPU_ISA", "SSE41");
    }

    /** {@code java OPTIONS -cp HOME/jars/* MAIN ARGS}: the command spark-class would run. */
    public static List<String> javaCommand(Path home, List<String> jvmOptions, String mainClass, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(home.resolve("jars") + "/*");
        cmd.add(mainClass);
        cmd.addAll(Arrays.asList(args));
        return cmd;
    }

    private void launch(List<String> jvmOptions, Path log, String mainClass, String... args) throws IOException {
        List<String> opts = new ArrayList<>(jvmOptions);
        opts.add("-Xmx256m");
        opts.add("-Dspark.master.rest.enabled=false"); // else the master also binds the fixed port 6066
        ProcessBuilder pb = new ProcessBuilder(javaCommand(home, opts, mainClass, args)).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        environment(pb, home);
        processes.add(pb.start());
    }

    /** Waits until {@code log} holds {@code count} lines containing {@code text}; fails with the log's tail after {@code seconds}. */
    public static void waitFor(Path log, String text, int count, int seconds) throws IOException, InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            if (Files.exists(log) && Files.readAllLines(log).stream().filter(l -> l.contains(text)).count() >= count) return;
            Thread.sleep(250);
        }
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of("(no log)");
        throw new IllegalStateException("no '" + text + "' in " + log + " after " + seconds + " s; last lines:\n"
                + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process p = processes.get(i);
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) p.destroyForcibly();
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
