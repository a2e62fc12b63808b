package io.genaudit.spark;

import io.genaudit.audits.AuditModule;
import io.genaudit.audits.AuditSpec;
import io.genaudit.audits.metric.MetricAuditModule;
import io.genaudit.audits.metric.MetricPresentation;
import io.genaudit.audits.modules.DocumentScoreInputs;
import io.genaudit.audits.plan.Plan;
import io.genaudit.engine.Progress;
import io.genaudit.engine.lm.LanguageModel;
import io.genaudit.metrics.contract.Metric;
import io.genaudit.metrics.contract.MetricResult;
import io.genaudit.metrics.contract.MetricRun;
import io.genaudit.metrics.perplexity.DocumentScoring;
import io.genaudit.metrics.perplexity.TextDocument;
import io.genaudit.values.DocumentScore;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one plan audit of a per-document language-model metric ({@code perplexity}: input {@link DocumentScore}) on
 * Spark. The corpus is a Parquet text table ({@code doc_id} + {@code text}, {@link ParquetTexts}) in doc_id order, or on
 * a local master the single machine's text folder or file ({@link LocalTexts});
 * executors tokenize it, cut the windows and score them with pooled models in exactly the single-machine model calls
 * ({@link WindowScoring}) using the engine's scorer and the plan's scoring options; the per-document scores, numbered
 * by corpus position, fold into the metric's state
 * (every document kept, for the bootstrap) and merge by {@link SparkMetricRun}. With {@code --check-local} the driver
 * scores the whole corpus again with its own model in one pass — the single-machine computation — and compares.
 */
public record SparkPerplexityAudit(SparkSession spark, SparkSettings settings, DriverLanguageModels models) implements SparkTextAudits.TypedAudit<DocumentScore> {
    /** Whether {@code module} is a metric over per-document language-model scores. */
    public static boolean supports(AuditModule module) {
        return SparkTextAudits.takes(module, DocumentScore.class);
    }

    /** The audit's result, and the local check's differences when {@link SparkSettings#checkLocal()}. */
    @Override
    public <P extends Record, S extends Serializable, R extends Record & MetricResult> SparkFeatureAudit.Outcome run(
            Plan plan, AuditSpec spec, MetricAuditModule<P, DocumentScore, S, R> module) throws Exception {
        Metric<P, DocumentScore, S, R> metric = module.metricDefinition();
        P params = module.bind(spec, plan.seed());
        String modelId = spec.model();
        DatasetInput table = new ParquetDatasets(plan, spark.sparkContext().master()).input("audits." + spec.id() + ".data", spec.dataset());
        LanguageModel driverModel = models.languageModel(modelId);
        DocumentScoring scoring = DocumentScoreInputs.scoring(spec, driverModel); // plan errors before any Spark job
        LmSource source = models.source(modelId);

        JavaRDD<TextBlock> blocks = SparkFailures.userErrorsUnwrapped(
                () -> TextBlockSource.of(table, settings.batchRows()).blocks(spark, settings.partitions()));
        long[] offsets = SparkFailures.userErrorsUnwrapped(() -> offsets(blocks));
        JavaRDD<DocumentScore> scores = scores(blocks, offsets, source, DocumentScoreInputs.options(spec));
        R result = SparkFailures.userErrorsUnwrapped(() -> SparkMetricRun.once(metric, params, scores, settings.treeDepth()));

        Map<String, Object> inputSettings = new LinkedHashMap<>(scoring.settings());
        inputSettings.put("engine", "spark");
        inputSettings.put("partitions", settings.partitions());
        inputSettings.put("batch_documents", settings.batchRows());
        inputSettings.put("merge", MERGE);
        long documents = offsets[offsets.length - 1];
        SparkFeed<DocumentScore> feed = new SparkFeed<>(scores, modelId, spec.dataset(), inputSettings,
                scoring.notes(result.n(), (int) documents));
        List<String> diff = null;
        double rel = Double.NaN;
        if (settings.checkLocal()) {
            R local = MetricRun.once(metric, params, scoring.score(documents(blocks), Progress.SILENT));
            diff = ResultAgreement.differences(local, result, ResultAgreement.DEFAULT_RELATIVE_TOLERANCE);
            rel = ResultAgreement.relativeDifference(local.value(), result.value());
        }
        return new SparkFeatureAudit.Outcome(MetricPresentation.present(spec.id(), metric, params, result, feed).build(), MERGE, diff, rel);
    }

    /** How the per-document states merge (run.json's audit setting {@code merge}). */
    static final String MERGE = "exact: documents scored on executors (one model per task slot), every per-document score "
            + "gathered on the driver in corpus order; sums over documents in corpus order";

    /**
     * Every document of {@code blocks} scored on the executors by a pooled {@code model} with the scoring
     * {@code options}, numbered by corpus position ({@code offsets} from {@link #offsets}).
     */
    public static JavaRDD<DocumentScore> scores(JavaRDD<TextBlock> blocks, long[] offsets, LmSource model, DocumentScoring.Options options) {
        return WindowScoring.scores(blocks, offsets, model, ParamsCarrier.of(options), Math.max(1, blocks.getNumPartitions()));
    }

    /** Corpus position of each partition's first document, and the corpus size last (one pass that counts documents). */
    public static long[] offsets(JavaRDD<TextBlock> blocks) {
        List<Long> counts = blocks.mapPartitions((Iterator<TextBlock> it) -> {
            long n = 0;
            while (it.hasNext()) n += it.next().docIds().size();
            return List.of(n).iterator();
        }).collect();
        long[] offsets = new long[counts.size() + 1];
        for (int i = 0; i < counts.size(); i++) offsets[i + 1] = offsets[i] + counts.get(i);
        return offsets;
    }

    /** Every document, in corpus order, through the driver (the local check). */
    private static List<TextDocument> documents(JavaRDD<TextBlock> blocks) {
        List<TextDocument> docs = new ArrayList<>();
        Iterator<TextBlock> it = blocks.toLocalIterator();
        while (it.hasNext()) {
            TextBlock b = it.next();
            for (int i = 0; i < b.docIds().size(); i++) docs.add(new TextDocument(b.docIds().get(i), b.texts().get(i)));
        }
        return docs;
    }
}
