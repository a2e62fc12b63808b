package io.genaudit.spark;

import io.genaudit.audits.AuditModule;
import io.genaudit.audits.AuditSpec;
import io.genaudit.audits.metric.MetricAuditModule;
import io.genaudit.audits.metric.MetricPresentation;
import io.genaudit.audits.modules.LmProbeInputs;
import io.genaudit.audits.plan.Plan;
import io.genaudit.engine.lm.LanguageModel;
import io.genaudit.metrics.bias.BiasSuite;
import io.genaudit.metrics.bias.CounterfactualPairProbe;
import io.genaudit.metrics.bias.CrowsPair;
import io.genaudit.metrics.bias.SentenceScorer;
import io.genaudit.metrics.bias.LmProbeItem;
import io.genaudit.metrics.bias.LmProbeScores;
import io.genaudit.metrics.bias.LmProbeScoring;
import io.genaudit.metrics.bias.LmSuiteFacts;
import io.genaudit.metrics.contract.Metric;
import io.genaudit.metrics.contract.MetricResult;
import io.genaudit.metrics.contract.MetricRun;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs a plan's {@code bias-lm} audit on Spark: a built-in suite or probe file ({@code probes:}) is cut into
 * {@link ProbeTask}s (slices of the pair and StereoSet lists, whole structured sections); without {@code probes:} the
 * audit's dataset is a Parquet probe table ({@link ParquetProbes}: pairs or StereoSet items, one per row) whose
 * partitions executors read. Either way executors score in parallel with a pooled model; the scored items come back
 * to the driver, are put in suite (id) order and numbered as the single-machine scorer numbers them, and the
 * metric's statistics (tests, corrections, bootstrap) run on the driver unchanged.
 */
record SparkBiasLmAudit(SparkSession spark, SparkSettings settings, DriverLanguageModels models) implements SparkTextAudits.TypedAudit<LmProbeScores> {
    /** Whether {@code module} is a metric over scored LM probes ({@code bias-lm}). */
    public static boolean supports(AuditModule module) {
        return SparkTextAudits.takes(module, LmProbeScores.class);
    }

    /** The audit's result, and the local check's differences when {@link SparkSettings#checkLocal()}. */
    @Override
    public <P extends Record, S extends Serializable, R extends Record & MetricResult> SparkFeatureAudit.Outcome run(
            Plan plan, AuditSpec spec, MetricAuditModule<P, LmProbeScores, S, R> module) throws Exception {
        Metric<P, LmProbeScores, S, R> metric = module.metricDefinition();
        P params = module.bind(spec, plan.seed());
        String modelId = spec.model();
        LanguageModel lm = models.languageModel(modelId);
        LmProbeScoring scoring = LmProbeInputs.scoring(spec.params(), spec.planFile(), spec.params().longParam("seed", plan.seed()));
        LmSource source = models.source(modelId);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Scored scored = spec.params().has("probes") ? suite(spec, lm, scoring, source, jsc) : table(plan, spec, lm, scoring, source);
        R result = MetricRun.once(metric, params, scored.batches());

        Map<String, Object> inputSettings = new LinkedHashMap<>(LmProbeInputs.settings(scored.probes(), scored.suite(), scoring));
        inputSettings.put("engine", "spark");
        inputSettings.put("partitions", settings.partitions());
        inputSettings.put("probe_tasks", scored.tasks());
        inputSettings.put("merge", MERGE);
        SparkFeed<LmProbeScores> feed = new SparkFeed<>(jsc.parallelize(scored.batches(), 1), modelId, scored.label(), inputSettings, List.of());
        List<String> diff = null;
        double rel = Double.NaN;
        if (settings.checkLocal()) {
            List<LmProbeScores> local = new ArrayList<>();
            scoring.score(lm, scored.local().get(), local::add);
            R localResult = MetricRun.once(metric, params, local);
            diff = ResultAgreement.differences(localResult, result, ResultAgreement.DEFAULT_RELATIVE_TOLERANCE);
            rel = ResultAgreement.relativeDifference(localResult.value(), result.value());
        }
        return new SparkFeatureAudit.Outcome(MetricPresentation.present(spec.id(), metric, params, result, feed).build(), MERGE, diff, rel);
    }

    /**
     * The scored probe items of one audit.
     *
     * @param batches one batch per section, numbered in suite order
     * @param probes  the probe source as run.json records it (suite name, file or table)
     * @param suite   the suite (for the recorded settings)
     * @param label   the dataset label of the result
     * @param tasks   how many pieces executors scored
     * @param local   the whole suite on the driver, for {@code --check-local} (reads the table again)
     */
    private record Scored(List<LmProbeScores> batches, String probes, BiasSuite suite, String label, int tasks, Supplier<BiasSuite> local) {
    }

    /** A built-in suite or probe file, cut into {@link ProbeTask}s that executors load and score. */
    private Scored suite(AuditSpec spec, LanguageModel lm, LmProbeScoring scoring, LmSource source, JavaSparkContext jsc) {
        LmProbeInputs.ProbeSource probes = LmProbeInputs.probeSource(models.context(), spec);
        BiasSuite suite = BiasSuite.load(probes.probes());
        List<ProbeTask> tasks = ProbeTask.plan(suite, sliceSize(suite, settings.partitions()));
        ProbeTask.Settings carried = ProbeTask.Settings.of(scoring);
        List<Tuple2<Integer, List<LmProbeItem>>> scored = SparkFailures.userErrorsUnwrapped(() ->
                jsc.parallelize(tasks, Math.max(1, Math.min(tasks.size(), settings.partitions())))
                        .mapPartitions(new ScoreTasks(source, probes.probes(), carried)).collect());
        String label = probes.dataset() != null ? probes.dataset() : probes.probes();
        return new Scored(inSuiteOrder(scoring.facts(lm, suite), tasks, scored), probes.probes(), suite, label, tasks.size(), () -> suite);
    }

    /** The audit's dataset as a Parquet probe table ({@link ParquetProbes}): each partition's rows read and scored on an executor. */
    private Scored table(Plan plan, AuditSpec spec, LanguageModel lm, LmProbeScoring scoring, LmSource source) {
        String uri = SparkTextAudits.probeTable(plan, spec, spark.sparkContext().master());
        ParquetProbes probes = new ParquetProbes(uri);
        ParquetProbes.Table table = SparkFailures.userErrorsUnwrapped(() -> probes.read(spark, settings.partitions()));
        ParquetProbes.Section section = table.section();
        List<Tuple2<Integer, List<LmProbeItem>>> scored = SparkFailures.userErrorsUnwrapped(() ->
                table.rows().mapPartitionsWithIndex(new ScoreRows(source, uri, section, scoring.batch()), true).collect());
        List<Tuple2<Integer, List<LmProbeItem>>> sorted = new ArrayList<>(scored);
        sorted.sort(Comparator.comparing(Tuple2::_1));
        List<LmProbeItem> items = new ArrayList<>();
        for (Tuple2<Integer, List<LmProbeItem>> t : sorted) items.addAll(t._2());
        BiasSuite suite = section.suite(probes.suiteName(), List.of());
        List<LmProbeScores> batches = items.isEmpty() ? List.of() : List.of(new LmProbeScores(scoring.facts(lm, suite), 0, renumbered(items)));
        Supplier<BiasSuite> local = () -> section.suite(probes.suiteName(),
                SparkFailures.userErrorsUnwrapped(() -> ParquetProbes.items(uri, section, table.rows().toLocalIterator(), 0)));
        return new Scored(batches, uri, suite, spec.dataset(), table.rows().getNumPartitions(), local);
    }

    /** Pairs numbered in id order over the whole table (each partition numbered its own from 0), as a probe file numbers them. */
    static List<LmProbeItem> renumbered(List<LmProbeItem> items) {
        List<LmProbeItem> out = new ArrayList<>(items.size());
        for (LmProbeItem item : items) {
            if (item instanceof CounterfactualPairProbe.ScoredPair sp) {
                CrowsPair p = sp.pair();
                item = new CounterfactualPairProbe.ScoredPair(new CrowsPair(out.size(), p.sentMore(), p.sentLess(), p.direction(), p.biasType()),
                        sp.logLikMore(), sp.logLikLess());
            }
            out.add(item);
        }
        return out;
    }

    /** How bias-lm combines the executors' work (run.json's audit setting {@code merge}). */
    static final String MERGE = "exact: probe items scored on executors (one model per task slot), gathered on the driver in suite order; "
            + "statistics computed once on the driver";

    /** Slices that give every partition work: the longest list section over the partitions. */
    static int sliceSize(BiasSuite suite, int partitions) {
        int longest = Math.max(suite.pairs() == null ? 0 : suite.pairs().size(), suite.stereoSet() == null ? 0 : suite.stereoSet().size());
        return Math.max(1, (longest + partitions - 1) / partitions);
    }

    /** One batch per section, items numbered in suite order, as {@link LmProbeScoring#score} sends them. */
    static List<LmProbeScores> inSuiteOrder(LmSuiteFacts facts, List<ProbeTask> tasks, List<Tuple2<Integer, List<LmProbeItem>>> scored) {
        List<Tuple2<Integer, List<LmProbeItem>>> sorted = new ArrayList<>(scored);
        sorted.sort(Comparator.comparing(Tuple2::_1));
        List<LmProbeScores> out = new ArrayList<>();
        long next = 0;
        List<LmProbeItem> section = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            section.addAll(sorted.get(i)._2());
            boolean last = i + 1 == sorted.size() || !tasks.get(i + 1).section().equals(tasks.get(i).section());
            if (last && !section.isEmpty()) {
                out.add(new LmProbeScores(facts, next, List.copyOf(section)));
                next += section.size();
                section = new ArrayList<>();
            }
        }
        return out;
    }

    /** A partition of a probe table (id order) scored with one borrowed model: its index and its scored items. */
    private record ScoreRows(LmSource model, String uri, ParquetProbes.Section section, int batch)
            implements Function2<Integer, Iterator<Row>, Iterator<Tuple2<Integer, List<LmProbeItem>>>> {
        @Override
        public Iterator<Tuple2<Integer, List<LmProbeItem>>> call(Integer partition, Iterator<Row> rows) {
            List<?> items = ParquetProbes.items(uri, section, rows, 0);
            if (items.isEmpty()) return List.<Tuple2<Integer, List<LmProbeItem>>>of().iterator();
            LanguageModel lm = LanguageModelPool.borrow(model);
            try {
                List<LmProbeItem> scored = new ArrayList<>(section.score(new SentenceScorer(lm, batch), items));
                return List.of(new Tuple2<>(partition, scored)).iterator();
            } finally {
                LanguageModelPool.release(model, lm);
            }
        }
    }

    /** A partition's probe tasks scored with one borrowed model. */
    private record ScoreTasks(LmSource model, String probes, ProbeTask.Settings settings)
            implements FlatMapFunction<Iterator<ProbeTask>, Tuple2<Integer, List<LmProbeItem>>> {
        @Override
        public Iterator<Tuple2<Integer, List<LmProbeItem>>> call(Iterator<ProbeTask> tasks) {
            List<Tuple2<Integer, List<LmProbeItem>>> out = new ArrayList<>();
            if (!tasks.hasNext()) return out.iterator();
            LanguageModel lm = LanguageModelPool.borrow(model);
            try {
                while (tasks.hasNext()) {
                    ProbeTask t = tasks.next();
                    out.add(new Tuple2<>(t.order(), new ArrayList<>(t.score(probes, settings, lm))));
                }
            } finally {
                LanguageModelPool.release(model, lm);
            }
            return out.iterator();
        }
    }
}
