package io.genaudit.spark;

import io.genaudit.audits.AuditModule;
import io.genaudit.audits.AuditSpec;
import io.genaudit.audits.metric.MetricAuditModule;
import io.genaudit.audits.metric.MetricPresentation;
import io.genaudit.audits.plan.Plan;
import io.genaudit.metrics.contract.MetricRun;
import io.genaudit.metrics.diversity.DiversityMetric;
import io.genaudit.metrics.diversity.TextSample;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.SparkSession;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a plan's {@code diversity} audit on Spark, over generations given as a Parquet text table ({@code data:}, one
 * generation per row, in doc_id order; on a local master also a text folder or file read as perplexity reads it) or generated on executors by the audit's {@code model:}
 * ({@link SparkGenerations}: the single-machine texts, numbered by their single-machine index). Without intervals
 * ({@code bootstrap: 0}) and reference text the figures come from distributed n-gram counts ({@link SparkDiversity});
 * with intervals, which resample whole texts, or with {@code referenceData}, the metric's contract state gathers the
 * texts on the driver ({@link SparkMetricRun}). Both equal the single-machine metric on the same texts.
 */
record SparkDiversityAudit(SparkSession spark, SparkSettings settings, DriverLanguageModels models) {
    /** Whether {@code module} is the diversity metric (input {@link TextSample}). */
    public static boolean supports(AuditModule module) {
        return SparkTextAudits.takes(module, TextSample.class);
    }

    /** The audit's result, and the local check's differences when {@link SparkSettings#checkLocal()}. */
    @SuppressWarnings("unchecked")
    public SparkFeatureAudit.Outcome run(Plan plan, AuditSpec spec, AuditModule module) throws Exception {
        MetricAuditModule<DiversityMetric.Params, TextSample, ?, DiversityMetric.Result> m =
                (MetricAuditModule<DiversityMetric.Params, TextSample, ?, DiversityMetric.Result>) module;
        SparkTextAudits.preflight(plan, spec, module, spark.sparkContext().master());
        DiversityMetric metric = (DiversityMetric) m.metricDefinition();
        DiversityMetric.Params params = m.bind(spec, plan.seed());
        SparkGenerations.Texts texts = spec.models().isEmpty() ? given(plan, spec) : new SparkGenerations(spark, settings, models).generate(plan, spec);
        try {
            boolean distributed = params.bootstrap() == 0 && !texts.reference();
            DiversityMetric.Result result = SparkFailures.userErrorsUnwrapped(() -> distributed
                    ? SparkDiversity.generations(params, texts.samples())
                    : SparkMetricRun.once(metric, params, texts.samples(), settings.treeDepth()));

            Map<String, Object> inputSettings = new LinkedHashMap<>(texts.settings());
            inputSettings.put("engine", "spark");
            inputSettings.put("partitions", settings.partitions());
            inputSettings.put("batch_documents", settings.batchRows());
            inputSettings.put("merge", distributed ? MERGE_COUNTS : MERGE_TEXTS);
            String subject = spec.models().isEmpty() ? spec.dataset() : spec.model();
            SparkFeed<TextSample> feed = new SparkFeed<>(texts.samples(), subject, String.join(",", spec.data()), inputSettings, texts.notes());
            List<String> diff = null;
            double rel = Double.NaN;
            if (settings.checkLocal()) {
                // generated texts are made again on the driver by the single-machine code; given ones stream through it
                List<TextSample> again = texts.again() == null ? null : texts.again().call();
                DiversityMetric.Result local = again == null ? metric.compute(MetricRun.accumulate(metric, params, feed), params)
                        : MetricRun.once(metric, params, again);
                diff = new ArrayList<>(again == null ? List.of() : SparkGenerations.textDifferences(again, texts.samples().collect()));
                diff.addAll(ResultAgreement.differences(local, result, ResultAgreement.DEFAULT_RELATIVE_TOLERANCE));
                rel = ResultAgreement.relativeDifference(local.value(), result.value());
            }
            return new SparkFeatureAudit.Outcome(MetricPresentation.present(spec.id(), metric, params, result, feed).build(),
                    distributed ? MERGE_COUNTS : MERGE_TEXTS, diff, rel);
        } finally {
            texts.release();
        }
    }

    /** The generations of the audit's Parquet text table, numbered in doc_id order. */
    private SparkGenerations.Texts given(Plan plan, AuditSpec spec) {
        DatasetInput table = new ParquetDatasets(plan, spark.sparkContext().master()).input("audits." + spec.id() + ".data", spec.dataset());
        JavaRDD<TextBlock> blocks = SparkFailures.userErrorsUnwrapped(
                () -> TextBlockSource.of(table, settings.batchRows()).blocks(spark, settings.partitions()));
        long[] offsets = SparkFailures.userErrorsUnwrapped(() -> SparkPerplexityAudit.offsets(blocks));
        JavaRDD<TextSample> samples = blocks.mapPartitionsWithIndex(new Generations(offsets), true);
        return new SparkGenerations.Texts(samples, false, Map.of("samples", table.parquet() ? "given (Parquet text table)" : "given (" + table.location() + ")"), List.of(), samples, null);
    }

    /** How diversity merges without intervals (run.json's audit setting {@code merge}). */
    static final String MERGE_COUNTS = "exact: n-gram counts merged by reduceByKey (totals and top-two per-text counts, whole numbers); "
            + "self-BLEU from per-text clipped sums; Vendi on the driver from its subsample's texts";
    /** How diversity merges with intervals. */
    static final String MERGE_TEXTS = "exact: every text gathered on the driver in index order (the half-sampling intervals resample texts)";

    /** A partition's documents as generations numbered from the partition's corpus offset. */
    private record Generations(long[] offsets) implements Function2<Integer, Iterator<TextBlock>, Iterator<TextSample>> {
        @Override
        public Iterator<TextSample> call(Integer partition, Iterator<TextBlock> blocks) {
            List<TextSample> out = new ArrayList<>();
            long next = offsets[partition];
            while (blocks.hasNext()) {
                TextBlock b = blocks.next();
                for (int i = 0; i < b.docIds().size(); i++) {
                    out.add(new TextSample(TextSample.Set.GENERATED, next++, b.docIds().get(i), null, b.texts().get(i)));
                }
            }
            return out.iterator();
        }
    }
}
