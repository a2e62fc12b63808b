package io.genaudit.spark;

import io.genaudit.audits.AuditModule;
import io.genaudit.audits.AuditSpec;
import io.genaudit.audits.metric.MetricAuditModule;
import io.genaudit.audits.metric.MetricPresentation;
import io.genaudit.audits.modules.LmProbeInputs;
import io.genaudit.audits.plan.Plan;
import io.genaudit.engine.lm.LanguageModel;
import io.genaudit.metrics.bias.BiasSuite;
import io.genaudit.metrics.bias.LmProbeItem;
import io.genaudit.metrics.bias.LmProbeScores;
import io.genaudit.metrics.bias.LmProbeScoring;
import io.genaudit.metrics.bias.LmSuiteFacts;
import io.genaudit.metrics.contract.Metric;
import io.genaudit.metrics.contract.MetricResult;
import io.genaudit.metrics.contract.MetricRun;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a plan's {@code bias-lm} audit on Spark: the probe suite is cut into {@link ProbeTask}s (slices of the pair and
 * StereoSet lists, whole structured sections) that executors score in parallel with a pooled model; the scored items
 * come back to the driver, are put in suite order and numbered as the single-machine scorer numbers them, and the
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
        LmProbeInputs.ProbeSource probes = LmProbeInputs.probeSource(models.context(), spec);
        LmProbeScoring scoring = LmProbeInputs.scoring(spec.params(), spec.planFile(), spec.params().longParam("seed", plan.seed()));
        BiasSuite suite = BiasSuite.load(probes.probes());
        List<ProbeTask> tasks = ProbeTask.plan(suite, sliceSize(suite, settings.partitions()));
        LmSource source = models.source(modelId);
        ProbeTask.Settings carried = ProbeTask.Settings.of(scoring);

        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<Tuple2<Integer, List<LmProbeItem>>> scored = SparkFailures.userErrorsUnwrapped(() ->
                jsc.parallelize(tasks, Math.max(1, Math.min(tasks.size(), settings.partitions())))
                        .mapPartitions(new ScoreTasks(source, probes.probes(), carried)).collect());
        List<LmProbeScores> batches = inSuiteOrder(scoring.facts(lm, suite), tasks, scored);
        R result = MetricRun.once(metric, params, batches);

        Map<String, Object> inputSettings = new LinkedHashMap<>(LmProbeInputs.settings(probes.probes(), suite, scoring));
        inputSettings.put("engine", "spark");
        inputSettings.put("partitions", settings.partitions());
        inputSettings.put("probe_tasks", tasks.size());
        inputSettings.put("merge", MERGE);
        String label = probes.dataset() != null ? probes.dataset() : probes.probes();
        SparkFeed<LmProbeScores> feed = new SparkFeed<>(jsc.parallelize(batches, 1), modelId, label, inputSettings, List.of());
        List<String> diff = null;
        double rel = Double.NaN;
        if (settings.checkLocal()) {
            List<LmProbeScores> local = new ArrayList<>();
            scoring.score(lm, suite, local::add);
            R localResult = MetricRun.once(metric, params, local);
            diff = ResultAgreement.differences(localResult, result, ResultAgreement.DEFAULT_RELATIVE_TOLERANCE);
            rel = ResultAgreement.relativeDifference(localResult.value(), result.value());
        }
        return new SparkFeatureAudit.Outcome(MetricPresentation.present(spec.id(), metric, params, result, feed).build(), MERGE, diff, rel);
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
