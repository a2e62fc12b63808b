package io.genaudit.spark;

import io.genaudit.audits.run.RunOptions;
import io.genaudit.audits.AuditModule;
import io.genaudit.audits.registry.Registry;
import io.genaudit.audits.cli.ExitCodes;
import io.genaudit.audits.cli.FailureReport;
import io.genaudit.audits.GenauditVersion;
import io.genaudit.audits.plan.ExecutionSpec;
import io.genaudit.audits.plan.GateSpec;
import io.genaudit.audits.plan.Plan;
import io.genaudit.audits.PlanException;
import io.genaudit.audits.plan.PlanParser;
import io.genaudit.audits.plan.PlannedAudit;
import io.genaudit.audits.run.GateEvaluator;
import io.genaudit.audits.run.InputDigests;
import io.genaudit.audits.run.MachineInfo;
import io.genaudit.audits.run.OutputFolder;
import io.genaudit.audits.run.Preflight;
import io.genaudit.audits.run.RunOutcome;
import io.genaudit.audits.run.RunOutputs;
import io.genaudit.audits.plan.DatasetSpec;
import io.genaudit.audits.plan.Problems;
import io.genaudit.engine.InputException;
import io.genaudit.reports.AuditResult;
import io.genaudit.reports.ExecutionRecord;
import io.genaudit.reports.GateOutcome;
import io.genaudit.reports.Provenance;
import io.genaudit.reports.RunRecord;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The Spark entry point: {@code spark-submit --class io.genaudit.spark.SparkAuditMain genaudit-spark.jar audit
 * PLAN --out DIR}. Reads the same plan as {@code genaudit audit}, runs the audits Spark can run (metrics over
 * feature pairs or class logits read from Parquet), applies the gates (baseline gates too) and writes the usual
 * outputs through the same {@link RunOutputs} as {@code genaudit audit}, run.json with an {@code execution} block, into
 * a local folder or a Hadoop file system URI ({@link HadoopOutputFolder}), and keeps the run in a run store
 * ({@code --store}). The plan's {@code execution} block chooses master, partitions and tree depth (options override it); a cluster master outside spark-submit is submitted to with {@link ClusterSubmit}. Plans with other
 * audits are refused by name before Spark starts. Exit codes as genaudit's.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Run a plan's audits over Parquet inputs on Spark: fid, prd, kid, prdc over feature tables (row + array<float>) "
                + "or image tables (row + bytes, features extracted on the executors), inception-score over class logits, perplexity, "
                + "diversity and bias-lm over text tables (doc_id + text), detectability over image tables; the plan's execution block sets master, partitions and "
                + "tree_depth, these options override it.")
public final class SparkAuditMain implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PLAN", description = "The plan (YAML): a path on the driver, or a Hadoop file system URI "
            + "(s3a://bucket/plans/x.yaml; its relative dataset paths resolve against its folder).")
    String plan;

    @Option(names = "--out", required = true, paramLabel = "DIR|URI", description = "Output folder, replaced as a whole: on the driver "
            + "(atomically), or a Hadoop file system URI (s3a://bucket/runs/x, hdfs:///runs/x; copied, then renamed into place, "
            + "_SUCCESS written last).")
    String out;

    @Option(names = "--store", paramLabel = "DIR", description = "Keep the run in this run store on the driver (history, trend charts).")
    Path store;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (local[N], spark://HOST:7077, yarn, k8s://URL); default: what spark-submit set, else the plan's "
                    + "execution.master, else local[*]. A cluster master outside spark-submit is submitted to through $SPARK_HOME/bin/spark-submit.")
    String master;

    @Option(names = "--deploy-mode", paramLabel = "MODE", defaultValue = ClusterSubmit.CLIENT, description = "Where the driver runs when "
            + "submitting to a cluster master: client (this machine, default) or cluster (a worker; PLAN and --out must then be Hadoop "
            + "file system URIs, no --store).")
    String deployMode;

    @Option(names = "--partitions", paramLabel = "N", description = "Range partitions per input table; default: execution.partitions, else Spark's default parallelism.")
    Integer partitions;

    @Option(names = "--batch", paramLabel = "ROWS", defaultValue = "512", description = "Rows per batch (default: ${DEFAULT-VALUE}).")
    int batchRows;

    @Option(names = "--tree-depth", paramLabel = "D", description = "treeReduce depth of the merge; default: execution.tree_depth, else 2.")
    Integer treeDepth;

    @Option(names = "--seed", paramLabel = "N", description = "Override the plan's seed.")
    Long seed;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "A Spark setting (spark.*) for the session or the submission; repeatable.")
    Map<String, String> conf = new java.util.LinkedHashMap<>();

    @Option(names = "--spark-jar", paramLabel = "JAR", description = "The genaudit-spark shaded jar submitted to a cluster master "
            + "(default: $GENAUDIT_SPARK_JAR, else the jar this runs from).")
    Path sparkJar;

    @Option(names = "--check-local", description = "Also compute each result in one pass through the driver and fail (exit 3) unless "
            + "it equals the distributed result (counts exactly, numbers within 1e-10 relative). Reads the input twice.")
    boolean checkLocal;

    @Option(names = "--cache", paramLabel = "DIR", description = "Model and fixture cache on the driver (default: $GENAUDIT_CACHE or ~/.cache/genaudit).")
    Path cache;

    @Option(names = "--debug", description = "Print stack traces.")
    boolean debug;

    private final PrintWriter log = new PrintWriter(System.err, true);

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs {@code audit PLAN ...} (the leading {@code audit} is optional) or {@code convert KIND SOURCE --out TABLE}
     * ({@link ConvertCommand}) and returns the exit code.
     */
    public static int run(String... args) {
        SparkAuditMain cmd = new SparkAuditMain();
        if (args.length > 0 && args[0].equals("convert")) {
            CommandLine cl = new CommandLine(new ConvertCommand(cmd.log));
            cl.setExecutionExceptionHandler((e, line, parsed) -> FailureReport.of(e).print(cmd.log, false));
            return cl.execute(java.util.Arrays.copyOfRange(args, 1, args.length));
        }
        String[] rest = args.length > 0 && args[0].equals("audit") ? java.util.Arrays.copyOfRange(args, 1, args.length) : args;
        CommandLine cl = new CommandLine(cmd);
        cl.setExecutionExceptionHandler((e, line, parsed) -> FailureReport.of(e).print(cmd.log, cmd.debug));
        return cl.execute(rest);
    }

    @Override
    public Integer call() throws Exception {
        if (batchRows < 1) throw new InputException("--batch", "at least 1 expected, got " + batchRows);
        ExecutionSpec flags = new ExecutionSpec(ExecutionSpec.SPARK, master, partitions, treeDepth).check("--master/--partitions/--tree-depth");
        boolean onWorker = checkDeployMode();
        Problems targets = new Problems(Map.of());
        Preflight.outputProblems(localOut(), store, null, targets);
        targets.throwIfAny();
        Registry registry = Registry.load();
        Plan parsed = Locations.isLocal(plan) ? new PlanParser(registry).parse(Locations.localPath(plan))
                : RemotePlans.read(plan, HadoopFiles.configuration(conf), new PlanParser(registry));
        Plan p = seed == null ? parsed : parsed.withSeed(seed);
        Problems baselines = new Problems(p.lines());
        Preflight.baselineProblems(p, baselines);
        baselines.throwIfAny();
        String submitted = System.getProperty("spark.master");
        ExecutionSpec chosen = effective(flags, submitted, p.execution());
        checkRunnable(registry, p, chosen.master());
        boolean submitting = submitted == null && ExecutionSpec.clusterMaster(chosen.master());
        if (onWorker && !submitting) {
            throw new InputException("--deploy-mode", "cluster applies to submitting to a cluster master (spark://, yarn, k8s://) outside "
                    + "spark-submit, not to " + (submitted != null ? "a driver spark-submit started (give spark-submit --deploy-mode)" : chosen.master()));
        }
        if (submitting) {
            ClusterSubmit submit = ClusterSubmit.of(System.getenv(), chosen.master(), deployMode, sparkJar, "genaudit " + p.name(), conf,
                    submittedArguments(chosen.partitions(), chosen.treeDepth()));
            log.println("genaudit-spark: submitting to " + chosen.master() + ": " + String.join(" ", submit.commandLine()));
            return submit.launch();
        }
        return runEmbedded(registry, p, chosen.master(), chosen.partitions(), chosen.treeDepth());
    }

    /**
     * The settings a run uses: each field from the command line, else (the master only) from spark-submit
     * ({@code submittedMaster}, null outside spark-submit), else from the plan's block, else the default
     * ({@code local[*]}, Spark's default parallelism as null partitions, depth {@value SparkMetricRun#DEFAULT_DEPTH}).
     */
    static ExecutionSpec effective(ExecutionSpec flags, String submittedMaster, ExecutionSpec planned) {
        String m = flags.master() != null ? flags.master() : submittedMaster != null ? submittedMaster
                : planned.master() != null ? planned.master() : "local[*]";
        Integer parts = flags.partitions() != null ? flags.partitions() : planned.partitions();
        int depth = flags.treeDepth() != null ? flags.treeDepth() : planned.treeDepth() != null ? planned.treeDepth() : SparkMetricRun.DEFAULT_DEPTH;
        return new ExecutionSpec(ExecutionSpec.SPARK, m, parts, depth);
    }

    /** Whether Spark runs audits of {@code module}: Parquet feature/logit inputs, or text and language-model audits. */
    static boolean onSpark(AuditModule module) {
        return SparkFeatureAudit.supports(module) || SparkTextAudits.supports(module) || SparkDetectabilityAudit.supports(module);
    }

    /**
     * Refuses, before Spark starts, audits Spark cannot run and datasets it cannot read on {@code master}: local
     * files and folders other than Parquet only on a local master.
     */
    private static void checkRunnable(Registry registry, Plan p, String master) {
        for (PlannedAudit pa : p.audits()) {
            AuditModule module = registry.modules().get(pa.spec().metric());
            if (!onSpark(module)) {
                List<String> onSpark = registry.modules().entrySet().stream().filter(e -> onSpark(e.getValue()))
                        .map(Map.Entry::getKey).sorted().toList();
                throw new PlanException(p.file(), "audits." + pa.spec().id() + ".metric", "metric '" + pa.spec().metric()
                        + "' does not run on Spark yet (these do: " + String.join(", ", onSpark) + "); run this plan with genaudit audit");
            }
            if (SparkDetectabilityAudit.supports(module)) {
                SparkDetectabilityAudit.preflight(p, pa.spec(), master);
                continue;
            }
            if (!SparkFeatureAudit.supports(module)) {
                SparkTextAudits.preflight(p, pa.spec(), module, master);
                continue;
            }
            ParquetDatasets tables = new ParquetDatasets(p, master);
            boolean sampled = SparkGeneratorSamples.generatorId(pa.spec()) != null;
            for (String key : SparkFeatureAudit.datasetKeys(module)) {
                if (sampled && key.equals("fake")) SparkGeneratorSamples.preflight(p, pa.spec());
                else tables.input(pa.spec(), key);
            }
        }
    }

    /**
     * Whether {@code --deploy-mode} asks for cluster mode, after refusing an unknown mode and, in cluster mode, what a
     * driver on a worker cannot reach ({@link ClusterSubmit#checkClusterMode}), all before the plan is read.
     */
    private boolean checkDeployMode() {
        if (!ClusterSubmit.cluster(deployMode)) return false;
        ClusterSubmit.checkClusterMode(plan, out, store);
        return true;
    }

    /** The output folder on the driver's file system, or null when {@code --out} is a URI of another file system. */
    private Path localOut() {
        return Locations.isLocal(out) ? Locations.localPath(out) : null;
    }

    /** This command's arguments for the driver spark-submit starts (it takes the master from spark-submit). */
    private List<String> submittedArguments(Integer parts, int depth) {
        String outArg = localOut() != null ? localOut().toAbsolutePath().toString() : out;
        List<String> args = new ArrayList<>(List.of("audit", Locations.isLocal(plan) ? Locations.localPath(plan).toAbsolutePath().toString() : plan, "--out", outArg,
                "--batch", Integer.toString(batchRows), "--tree-depth", Integer.toString(depth)));
        if (parts != null) args.addAll(List.of("--partitions", parts.toString()));
        if (seed != null) args.addAll(List.of("--seed", seed.toString()));
        if (checkLocal) args.add("--check-local");
        if (debug) args.add("--debug");
        if (cache != null) args.addAll(List.of("--cache", cache.toAbsolutePath().toString()));
        if (store != null) args.addAll(List.of("--store", store.toAbsolutePath().toString()));
        return args;
    }

    private int runEmbedded(Registry registry, Plan p, String chosenMaster, Integer chosenPartitions, int depth) throws Exception {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        SparkSession.Builder b = SparkSession.builder().appName("genaudit " + p.name()).master(chosenMaster);
        conf.forEach(b::config);
        SparkSession spark = b.getOrCreate();
        int parts = chosenPartitions != null ? chosenPartitions : spark.sparkContext().defaultParallelism();
        SparkSettings settings = new SparkSettings(parts, batchRows, depth, checkLocal, cache != null ? cache : RunOptions.defaultCacheDir());
        log.println("genaudit-spark: " + p.audits().size() + " audit(s) on " + spark.sparkContext().master() + " (Spark "
                + spark.version() + ", " + parts + " partitions per table, treeReduce depth " + depth + ")");

        org.apache.hadoop.conf.Configuration hadoop = HadoopFiles.configuration(spark);
        OutputFolder folder = localOut() != null ? OutputFolder.local(localOut())
                : HadoopOutputFolder.open(out, HadoopFiles.fileSystem(out, hadoop));
        TableDigests digests = new TableDigests(hadoop);
        ParquetDatasets tables = new ParquetDatasets(p, spark.sparkContext().master());
        java.util.Set<String> datasetIds = new java.util.HashSet<>(p.datasets().stream().map(DatasetSpec::id).toList());

        SparkFeatureAudit runner = new SparkFeatureAudit(spark, settings);
        SparkTextAudits textRunner = new SparkTextAudits(spark, settings, p, registry, localOut(), cache);
        SparkDetectabilityAudit detectability = new SparkDetectabilityAudit(spark, settings);
        List<AuditResult> results = new ArrayList<>();
        List<String> checks = new ArrayList<>();
        Map<String, String> merges = new LinkedHashMap<>();
        boolean pass = true;
        for (PlannedAudit pa : p.audits()) {
            AuditModule module = registry.modules().get(pa.spec().metric());
            SparkFeatureAudit.Outcome o;
            try {
                o = SparkFeatureAudit.supports(module) ? runner.run(p, pa.spec(), module)
                        : SparkDetectabilityAudit.supports(module) ? detectability.run(p, pa.spec(), module) : textRunner.run(p, pa.spec(), module);
            } catch (Exception e) {
                textRunner.close();
                throw e;
            }
            AuditResult r = InputDigests.with(o.result(), pa.spec(), datasetIds,
                    id -> digests.sha256(tables.input("audits." + pa.spec().id(), id).location()));
            merges.put(pa.spec().id(), o.merge());
            if (o.differences() != null) {
                if (!o.differences().isEmpty()) {
                    throw new IllegalStateException("audit " + pa.spec().id() + ": the Spark result differs from the single pass: " + o.differences());
                }
                checks.add(pa.spec().id() + ": equal to the single pass (headline relative difference " + o.maxRelative() + ")");
            }
            GateSpec gate = pa.gate();
            if (gate != null) {
                GateOutcome g = GateEvaluator.evaluate(gate, r, p);
                r = r.withGate(g);
                pass &= g.passed();
                log.println("genaudit-spark:   " + pa.spec().id() + " gate " + (g.passed() ? "PASS" : "FAIL") + ": " + g.explanation());
            }
            log.println("genaudit-spark:   " + pa.spec().id() + " " + r.metric() + " = " + r.value() + " (n = " + r.n() + ")");
            results.add(r);
        }
        textRunner.close();
        // after the audits: on a cluster, executors register while the first job starts
        ExecutionRecord exec = SparkExecutionRecord.of(spark.sparkContext(), parts, depth, batchRows).withMerges(merges);
        if (checkLocal) exec = exec.withLocalCheck(String.join("; ", checks));
        MachineInfo m = MachineInfo.current();
        Provenance prov = new Provenance(GenauditVersion.get(), p.file(), p.sha256(), p.seed(), digests.files(), Map.of(),
                m.jvm(), m.os(), m.cpuModel(), m.cores(), "Apache Spark", exec.sparkVersion(), started.toString(),
                (System.nanoTime() - t0) / 1e9, List.of(), null);
        RunRecord record = new RunRecord(RunRecord.SCHEMA_VERSION, p.title(), p.name(),
                pass ? "PASS" : "FAIL", List.of(), results, prov, exec);
        return RunOutputs.write(new RunOutcome(record, pass ? ExitCodes.OK : ExitCodes.GATE_FAILED), folder, store, System.out).exitCode();
    }
}
