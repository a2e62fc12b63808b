package io.genaudit.spark;

import io.genaudit.audits.AuditModule;
import io.genaudit.audits.AuditSpec;
import io.genaudit.audits.metric.MetricAuditModule;
import io.genaudit.audits.metric.MetricPresentation;
import io.genaudit.audits.plan.Plan;
import io.genaudit.metrics.contract.Metric;
import io.genaudit.metrics.contract.MetricResult;
import io.genaudit.metrics.contract.MetricRun;
import io.genaudit.metrics.fidelity.ClassLogitsBatch;
import io.genaudit.metrics.fidelity.FeatureBatch;
import io.genaudit.metrics.fidelity.PrdcMetric;
import io.genaudit.reports.AuditResult;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one plan audit of a metric over Parquet inputs (or, on a local master, {@code .npy}/{@code .npz} files and image
 * folders) on Spark: feature pairs ({@link FeatureBatch}: {@code fid},
 * {@code kid}, {@code prd}, {@code prdc}; datasets {@code real} and {@code fake}, or the {@code model:} generator
 * sampled on the executors, {@link SparkGeneratorSamples}) or class logits
 * ({@link ClassLogitsBatch}: {@code inception-score}; dataset {@code fake}, or the generator's samples through the
 * {@code classifier} on the executors), the metric's parameters bound exactly as
 * the single-machine plan module binds them, the state merged by {@link SparkMetricRun}, the result presented by the
 * same {@link MetricPresentation}. PRDC without intervals is computed tile by tile on the executors
 * ({@link SparkPrdcTiles}, unless the Spark setting {@value SparkPrdcTiles#ROUTE} is {@code gathered}); every other
 * metric through its mergeable state ({@link SparkMetricRun}).
 */
public final class SparkFeatureAudit {
    /** The Parquet datasets each input type reads, by plan parameter. */
    private static final Map<Class<?>, List<String>> DATASETS = Map.of(
            FeatureBatch.class, List.of("real", "fake"),
            ClassLogitsBatch.class, List.of("fake"));

    private final SparkSession spark;
    private final SparkSettings settings;

    public SparkFeatureAudit(SparkSession spark, SparkSettings settings) {
        this.spark = spark;
        this.settings = settings;
    }

    /** Whether {@code module} is a metric whose input Spark reads from Parquet. */
    public static boolean supports(AuditModule module) {
        return module instanceof MetricAuditModule<?, ?, ?, ?> m && DATASETS.containsKey(m.metricDefinition().inputType());
    }

    /** The plan parameters naming {@code module}'s Parquet datasets (a {@link #supports supported} module). */
    public static List<String> datasetKeys(AuditModule module) {
        return DATASETS.get(((MetricAuditModule<?, ?, ?, ?>) module).metricDefinition().inputType());
    }

    /** The audit's result, and the local check's differences when {@link SparkSettings#checkLocal()}. */
    @SuppressWarnings("unchecked")
    public Outcome run(Plan plan, AuditSpec spec, AuditModule module) throws Exception {
        return typed(plan, spec, (MetricAuditModule<Record, Object, Serializable, ?>) module);
    }

    /**
     * @param result      the audit result (gate not yet applied)
     * @param merge       how the partition states were merged ({@link MergeExactness})
     * @param differences the local check's differences (empty when it agreed), or null when not checked
     * @param maxRelative the largest relative difference of the headline value against the local pass, or NaN
     */
    public record Outcome(AuditResult result, String merge, List<String> differences, double maxRelative) {
    }

    /** How an input was given, for the result's settings: "Parquet", ".npy" or ".npz". */
    private static String kind(String location) {
        String l = location.toLowerCase(java.util.Locale.ROOT);
        return l.endsWith(".npy") ? ".npy" : l.endsWith(".npz") ? ".npz" : "Parquet";
    }

    /** PRDC without intervals, tiled over the executors ({@link SparkPrdcTiles}); only called when it applies. */
    @SuppressWarnings("unchecked")
    private static <R> R tiledPrdc(JavaRDD<?> batches, Record params) {
        return (R) SparkPrdcTiles.compute((JavaRDD<FeatureBatch>) batches, (PrdcMetric.Params) params);
    }

    private <P extends Record, I, S extends Serializable, R extends Record & MetricResult> Outcome typed(
            Plan plan, AuditSpec spec, MetricAuditModule<P, I, S, ?> rawModule) throws Exception {
        @SuppressWarnings("unchecked")
        MetricAuditModule<P, I, S, R> module = (MetricAuditModule<P, I, S, R>) rawModule;
        Metric<P, I, S, R> metric = module.metricDefinition();
        P params = module.bind(spec, plan.seed());
        ParquetDatasets datasets = new ParquetDatasets(plan, spark.sparkContext().master());
        String generatorId = SparkGeneratorSamples.generatorId(spec);
        String fakeId = generatorId != null ? generatorId : (String) spec.params().values().get("fake");
        Map<String, Object> inputSettings = new LinkedHashMap<>();
        JavaRDD<I> batches;
        String label;
        if (metric.inputType() == ClassLogitsBatch.class && generatorId != null) {
            String key = spec.params().has("features") && !spec.params().has("classifier") ? "features" : "classifier";
            ExtractorRecipe classifier = SparkImagePairs.extractor(spark, plan, spec, key, settings, inputSettings);
            int batch = SparkImagePairs.batch(plan, spec);
            SparkGeneratorSamples generated = SparkGeneratorSamples.open(spark, plan, spec, generatorId, batch, settings);
            inputSettings.putAll(generated.settings());
            inputSettings.put("batch", batch);
            @SuppressWarnings("unchecked")
            JavaRDD<I> logits = (JavaRDD<I>) generated.logits(spark, classifier, settings.partitions());
            batches = logits;
            label = fakeId;
        } else if (metric.inputType() == ClassLogitsBatch.class) {
            RowBlockSource fake = RowBlockSource.of(datasets.input(spec, "fake"), settings.batchRows(), "class logits");
            @SuppressWarnings("unchecked")
            JavaRDD<I> logits = (JavaRDD<I>) SparkClassLogits.batches(spark, fake, settings.partitions());
            batches = logits;
            label = fakeId;
            inputSettings.put("classifier", "precomputed class logits (" + kind(fake.uri()) + ")");
        } else {
            String realId = (String) spec.params().values().get("real");
            SparkImagePairs images = SparkImagePairs.openOrNull(spark, plan, spec, settings);
            JavaRDD<FeatureBatch> pairs;
            if (images != null) {
                pairs = images.batches();
                inputSettings.putAll(images.settings());
            } else {
                DatasetInput real = datasets.input(spec, "real");
                DatasetInput fake = datasets.input(spec, "fake");
                pairs = SparkFeaturePairs.side(spark, FeatureBatch.Side.REAL, real, settings.batchRows(), settings.partitions())
                        .union(SparkFeaturePairs.side(spark, FeatureBatch.Side.FAKE, fake, settings.batchRows(), settings.partitions()));
                String realKind = kind(real.location()), fakeKind = kind(fake.location());
                inputSettings.put("features", "precomputed (" + (realKind.equals(fakeKind) ? realKind : realKind + ", " + fakeKind) + ")");
            }
            @SuppressWarnings("unchecked")
            JavaRDD<I> typedPairs = (JavaRDD<I>) pairs;
            batches = typedPairs;
            label = realId + " vs " + fakeId;
        }
        boolean tiled = metric.inputType() == FeatureBatch.class && SparkPrdcTiles.applies(spark, metric, params);
        R result = SparkFailures.userErrorsUnwrapped(() -> tiled ? tiledPrdc(batches, params) : SparkMetricRun.once(metric, params, batches, settings.treeDepth()));

        String merge = tiled ? SparkPrdcTiles.MERGE : MergeExactness.label(metric.info());
        inputSettings.put("engine", "spark");
        inputSettings.put("partitions", settings.partitions());
        inputSettings.put("batch_rows", settings.batchRows());
        inputSettings.put("merge", merge);
        List<String> notes = new ArrayList<>();
        SparkFeed<I> feed = new SparkFeed<>(batches, fakeId, label, inputSettings, notes);
        List<String> diff = null;
        double rel = Double.NaN;
        if (settings.checkLocal()) {
            R local = metric.compute(MetricRun.accumulate(metric, params, feed), params);
            diff = ResultAgreement.differences(local, result, ResultAgreement.DEFAULT_RELATIVE_TOLERANCE);
            rel = ResultAgreement.relativeDifference(local.value(), result.value());
        }
        return new Outcome(MetricPresentation.present(spec.id(), metric, params, result, feed).build(), merge, diff, rel);
    }
}
