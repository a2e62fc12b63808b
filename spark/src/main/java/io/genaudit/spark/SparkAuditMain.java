package io.genaudit.spark;

import io.genaudit.audits.AuditModule;
import io.genaudit.audits.registry.Registry;
import io.genaudit.audits.cli.ExitCodes;
import io.genaudit.audits.cli.FailureReport;
import io.genaudit.audits.GenauditVersion;
import io.genaudit.audits.plan.GateSpec;
import io.genaudit.audits.plan.Plan;
import io.genaudit.audits.PlanException;
import io.genaudit.audits.plan.PlanParser;
import io.genaudit.audits.plan.PlannedAudit;
import io.genaudit.audits.run.GateEvaluator;
import io.genaudit.audits.run.MachineInfo;
import io.genaudit.engine.InputException;
import io.genaudit.engine.io.AtomicFolder;
import io.genaudit.reports.AuditResult;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The Spark entry point: {@code spark-submit --class io.genaudit.spark.SparkAuditMain genaudit-spark.jar audit
 * PLAN --out DIR}. Reads the same plan as {@code genaudit audit}, runs the audits Spark can run (metrics over
 * feature pairs read from Parquet), applies the gates and writes the usual outputs, run.json with an
 * {@code execution} block. Plans with other audits are refused by name before Spark starts. Exit codes as genaudit's.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Run a plan's feature-pair audits (fid, prd, kid, prdc) on Spark; features come as Parquet tables (row + array<float>), "
                + "or images as Parquet tables (row + bytes) run through the plan's extractor on the executors.")
public final class SparkAuditMain implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PLAN", description = "The plan (YAML), on the driver's file system.")
    Path plan;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder on the driver (replaced atomically).")
    Path out;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (local[N], spark://HOST:7077 ...); default: what spark-submit set, else local[*].")
    String master;

    @Option(names = "--partitions", paramLabel = "N", description = "Range partitions per feature table; default: Spark's default parallelism.")
    Integer partitions;

    @Option(names = "--batch", paramLabel = "ROWS", defaultValue = "512", description = "Rows per batch (default: ${DEFAULT-VALUE}).")
    int batchRows;

    @Option(names = "--tree-depth", paramLabel = "D", defaultValue = "2", description = "treeReduce depth of the merge (default: ${DEFAULT-VALUE}).")
    int treeDepth;

    @Option(names = "--check-local", description = "Also compute each result in one pass through the driver and fail (exit 3) unless "
            + "it equals the distributed result (counts exactly, numbers within 1e-10 relative). Reads the input twice.")
    boolean checkLocal;

    @Option(names = "--debug", description = "Print stack traces.")
    boolean debug;

    private final PrintWriter log = new PrintWriter(System.err, true);

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs {@code audit PLAN ...} (the leading {@code audit} is optional) and returns the exit code. */
    public static int run(String... args) {
        String[] rest = args.length > 0 && args[0].equals("audit") ? java.util.Arrays.copyOfRange(args, 1, args.length) : args;
        SparkAuditMain cmd = new SparkAuditMain();
        CommandLine cl = new CommandLine(cmd);
        cl.setExecutionExceptionHandler((e, line, parsed) -> FailureReport.of(e).print(cmd.log, cmd.debug));
        return cl.execute(rest);
    }

    @Override
    public Integer call() throws Exception {
        if (partitions != null && partitions < 1) throw new InputException("--partitions", "at least 1 expected, got " + partitions);
        if (batchRows < 1) throw new InputException("--batch", "at least 1 expected, got " + batchRows);
        if (treeDepth < 2) throw new InputException("--tree-depth", "at least 2 expected (treeReduce), got " + treeDepth);
        String outProblem = AtomicFolder.problem(out);
        if (outProblem != null) throw new InputException(String.valueOf(out), outProblem);
        Registry registry = Registry.load();
        Plan p = new PlanParser(registry).parse(plan);
        for (PlannedAudit pa : p.audits()) {
            AuditModule module = registry.modules().get(pa.spec().metric());
            if (!SparkFeatureAudit.supports(module)) {
                List<String> onSpark = registry.modules().entrySet().stream().filter(e -> SparkFeatureAudit.supports(e.getValue()))
                        .map(Map.Entry::getKey).sorted().toList();
                throw new PlanException(p.file(), "audits." + pa.spec().id() + ".metric", "metric '" + pa.spec().metric()
                        + "' does not run on Spark yet (these do: " + String.join(", ", onSpark) + "); run this plan with genaudit audit");
            }
            ParquetDatasets tables = new ParquetDatasets(p);
            tables.location(pa.spec(), "real");
            tables.location(pa.spec(), "fake");
        }
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        SparkSession.Builder b = SparkSession.builder().appName("genaudit " + p.name());
        if (master != null) b.master(master);
        else if (!new org.apache.spark.SparkConf().contains("spark.master")) b.master("local[*]");
        SparkSession spark = b.getOrCreate();
        int parts = partitions != null ? partitions : spark.sparkContext().defaultParallelism();
        SparkSettings settings = new SparkSettings(parts, batchRows, treeDepth, checkLocal);
        log.println("genaudit-spark: " + p.audits().size() + " audit(s) on " + spark.sparkContext().master() + " (Spark "
                + spark.version() + ", " + parts + " partitions per table)");

        SparkFeatureAudit runner = new SparkFeatureAudit(spark, settings);
        List<AuditResult> results = new ArrayList<>();
        List<String> checks = new ArrayList<>();
        boolean pass = true;
        for (PlannedAudit pa : p.audits()) {
            SparkFeatureAudit.Outcome o = runner.run(p, pa.spec(), registry.modules().get(pa.spec().metric()));
            AuditResult r = o.result();
            if (o.differences() != null) {
                if (!o.differences().isEmpty()) {
                    throw new IllegalStateException("audit " + pa.spec().id() + ": the Spark result differs from the single pass: " + o.differences());
                }
                checks.add(pa.spec().id() + ": equal to the single pass (headline relative difference " + o.maxRelative() + ")");
            }
            GateSpec gate = pa.gate();
            if (gate != null) {
                if (gate.baseline() != null) {
                    throw new PlanException(p.file(), "audits." + pa.spec().id() + ".gate.baseline", "baseline gates are not supported on Spark yet");
                }
                GateOutcome g = GateEvaluator.evaluate(gate, r);
                r = r.withGate(g);
                pass &= g.passed();
                log.println("genaudit-spark:   " + pa.spec().id() + " gate " + (g.passed() ? "PASS" : "FAIL") + ": " + g.explanation());
            }
            log.println("genaudit-spark:   " + pa.spec().id() + " " + r.metric() + " = " + r.value() + " (n = " + r.n() + ")");
            results.add(r);
        }
        // after the audits: on a cluster, executors register while the first job starts
        ExecutionRecord exec = ExecutionRecord.of(spark.sparkContext(), parts, treeDepth, batchRows);
        if (checkLocal) exec = exec.withLocalCheck(String.join("; ", checks));
        MachineInfo m = MachineInfo.current();
        Provenance prov = new Provenance(GenauditVersion.get(), p.file(), p.sha256(), p.seed(), List.of(), Map.of(),
                m.jvm(), m.os(), m.cpuModel(), m.cores(), "Apache Spark", exec.sparkVersion(), started.toString(),
                (System.nanoTime() - t0) / 1e9, List.of(), null);
        RunRecord record = new RunRecord(RunRecord.SCHEMA_VERSION, p.title(), p.name(),
                pass ? "PASS" : "FAIL", List.of(), results, prov);
        ExecutionRecord finalExec = exec;
        AtomicFolder.replace(out, staging -> SparkRunRecord.write(record, finalExec, staging));
        log.println("genaudit-spark: verdict " + record.verdict() + "; wrote " + out.resolve("run.json") + " and the reports");
        return pass ? ExitCodes.OK : ExitCodes.GATE_FAILED;
    }
}
