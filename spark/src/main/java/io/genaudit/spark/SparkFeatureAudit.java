package io.genaudit.spark;

import io.genaudit.audits.AuditModule;
import io.genaudit.audits.AuditSpec;
import io.genaudit.audits.metric.MetricAuditModule;
import io.genaudit.audits.metric.MetricPresentation;
import io.genaudit.audits.plan.Plan;
import io.genaudit.metrics.contract.Metric;
import io.genaudit.metrics.contract.MetricInfo;
import io.genaudit.metrics.contract.MetricResult;
import io.genaudit.metrics.contract.MetricRun;
import io.genaudit.metrics.fidelity.FeatureBatch;
import io.genaudit.reports.AuditResult;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one plan audit of a metric over feature pairs ({@link FeatureBatch}: {@code fid}, and {@code kid} or
 * {@code prdc} once they are on the metric contract) on Spark: the {@code real} and {@code fake} datasets as Parquet
 * feature tables, the metric's parameters bound exactly as the single-machine plan module binds them, the state
 * merged by {@link SparkMetricRun}, the result presented by the same {@link MetricPresentation}.
 */
public final class SparkFeatureAudit {
    private final SparkSession spark;
    private final SparkSettings settings;

    public SparkFeatureAudit(SparkSession spark, SparkSettings settings) {
        this.spark = spark;
        this.settings = settings;
    }

    /** Whether {@code module} is a metric over feature pairs. */
    public static boolean supports(AuditModule module) {
        return module instanceof MetricAuditModule<?, ?, ?, ?> m && m.metricDefinition().inputType() == FeatureBatch.class;
    }

    /** The audit's result, and the local check's differences when {@link SparkSettings#checkLocal()}. */
    @SuppressWarnings("unchecked")
    public Outcome run(Plan plan, AuditSpec spec, AuditModule module) throws Exception {
        return typed(plan, spec, (MetricAuditModule<Record, FeatureBatch, Serializable, ?>) module);
    }

    /**
     * @param result      the audit result (gate not yet applied)
     * @param differences the local check's differences (empty when it agreed), or null when not checked
     * @param maxRelative the largest relative difference of the headline value against the local pass, or NaN
     */
    public record Outcome(AuditResult result, List<String> differences, double maxRelative) {
    }

    private <P extends Record, S extends Serializable, R extends Record & MetricResult> Outcome typed(
            Plan plan, AuditSpec spec, MetricAuditModule<P, FeatureBatch, S, ?> rawModule) throws Exception {
        @SuppressWarnings("unchecked")
        MetricAuditModule<P, FeatureBatch, S, R> module = (MetricAuditModule<P, FeatureBatch, S, R>) rawModule;
        Metric<P, FeatureBatch, S, R> metric = module.metricDefinition();
        P params = module.bind(spec, plan.seed());
        ParquetDatasets datasets = new ParquetDatasets(plan);
        String realId = (String) spec.params().values().get("real");
        String fakeId = (String) spec.params().values().get("fake");
        SparkImagePairs images = SparkImagePairs.openOrNull(spark, plan, spec, settings);
        ParquetFeatures real = new ParquetFeatures(datasets.location(spec, "real"), null, settings.batchRows());
        ParquetFeatures fake = new ParquetFeatures(datasets.location(spec, "fake"), null, settings.batchRows());
        JavaRDD<FeatureBatch> batches = images != null ? images.batches() : SparkFeaturePairs.batches(spark, real, fake, settings.partitions());
        R result = SparkFailures.userErrorsUnwrapped(() -> SparkMetricRun.once(metric, params, batches, settings.treeDepth()));

        Map<String, Object> inputSettings = new LinkedHashMap<>();
        if (images != null) inputSettings.putAll(images.settings());
        else inputSettings.put("features", "precomputed (Parquet)");
        inputSettings.put("engine", "spark");
        inputSettings.put("partitions", settings.partitions());
        inputSettings.put("batch", settings.batchRows());
        inputSettings.put("merge", metric.info().mergeability() == MetricInfo.Mergeability.SUMMARY
                ? "exact: summary states merged by treeReduce"
                : "exact: every row gathered on the driver in row-id order (the state keeps the rows)");
        List<String> notes = new ArrayList<>();
        SparkFeed<FeatureBatch> feed = new SparkFeed<>(batches, fakeId, realId + " vs " + fakeId, inputSettings, notes);
        List<String> diff = null;
        double rel = Double.NaN;
        if (settings.checkLocal()) {
            R local = metric.compute(MetricRun.accumulate(metric, params, feed), params);
            diff = ResultAgreement.differences(local, result, ResultAgreement.DEFAULT_RELATIVE_TOLERANCE);
            rel = ResultAgreement.relativeDifference(local.value(), result.value());
        }
        return new Outcome(MetricPresentation.present(spec.id(), metric, params, result, feed).build(), diff, rel);
    }
}
