package io.genaudit.spark;

import io.genaudit.audits.run.RunOptions;
import io.genaudit.audits.AuditModule;
import io.genaudit.audits.AuditSpec;
import io.genaudit.audits.PlanException;
import io.genaudit.audits.metric.MetricAuditModule;
import io.genaudit.audits.plan.Plan;
import io.genaudit.audits.registry.Registry;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Path;

/**
 * The text and language-model audits genaudit-spark runs, dispatched by the metric's input type: per-document LM
 * scores ({@code perplexity}, {@link SparkPerplexityAudit}), given texts ({@code diversity}, {@link SparkDiversityAudit})
 * and scored LM probes ({@code bias-lm}, {@link SparkBiasLmAudit}). Owns the driver's copies of the plan's language
 * models and closes them.
 */
public final class SparkTextAudits implements AutoCloseable {
    private final DriverLanguageModels models;
    private final SparkPerplexityAudit perplexity;
    private final SparkDiversityAudit diversity;
    private final SparkBiasLmAudit biasLm;

    /** The runners of {@code plan}'s text audits on {@code spark}; models cached under {@code cache}. */
    public SparkTextAudits(SparkSession spark, SparkSettings settings, Plan plan, Registry registry, Path out, Path cache) {
        this.models = new DriverLanguageModels(spark.sparkContext(), plan, registry, out, cache != null ? cache : RunOptions.defaultCacheDir());
        this.perplexity = new SparkPerplexityAudit(spark, settings, models);
        this.diversity = new SparkDiversityAudit(spark, settings);
        this.biasLm = new SparkBiasLmAudit(spark, settings, models);
    }

    /** Whether {@code module} runs a metric of the contract whose input batches are of type {@code input}. */
    static boolean takes(AuditModule module, Class<?> input) {
        return module instanceof MetricAuditModule<?, ?, ?, ?> m && m.metricDefinition().inputType() == input;
    }

    /** Whether an audit of {@code module} is a text audit Spark runs. */
    public static boolean supports(AuditModule module) {
        return SparkPerplexityAudit.supports(module) || SparkDiversityAudit.supports(module) || SparkBiasLmAudit.supports(module);
    }

    /** Plan errors Spark can find before it starts: one model per audit, given texts for diversity, named probes for bias-lm. */
    public static void preflight(Plan plan, AuditSpec spec, AuditModule module) {
        String at = "audits." + spec.id();
        if (spec.models().size() > 1) {
            throw new PlanException(plan.file(), at + ".model", "one model per audit on Spark, got " + spec.models() + "; give each model its own audit");
        }
        if (SparkDiversityAudit.supports(module) && !spec.models().isEmpty()) {
            throw new PlanException(plan.file(), at + ".model", "on Spark, diversity reads the generations as a Parquet text table (data:, doc_id + text); "
                    + "generating them with a model runs on one machine (genaudit audit)");
        }
        if (SparkBiasLmAudit.supports(module) && !spec.params().has("probes")) {
            throw new PlanException(plan.file(), at + ".params.probes", "on Spark, bias-lm needs probes: a built-in suite or a probe file");
        }
        if (!SparkBiasLmAudit.supports(module)) new ParquetDatasets(plan).location(at + ".data", spec.dataset());
    }

    /** Runs one audit of a supported module. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public SparkFeatureAudit.Outcome run(Plan plan, AuditSpec spec, AuditModule module) throws Exception {
        if (SparkPerplexityAudit.supports(module)) return perplexity.run(plan, spec, (MetricAuditModule) module);
        if (SparkDiversityAudit.supports(module)) return diversity.run(plan, spec, module);
        if (SparkBiasLmAudit.supports(module)) return biasLm.run(plan, spec, (MetricAuditModule) module);
        throw new IllegalArgumentException("metric " + module.metric() + " is not a text audit genaudit-spark runs");
    }

    /**
     * A text audit over a metric whose input batches are {@code I}, with the metric's types bound (the dispatch above
     * checked the input type).
     */
    interface TypedAudit<I> {
        <P extends Record, S extends java.io.Serializable, R extends Record & io.genaudit.metrics.contract.MetricResult> SparkFeatureAudit.Outcome run(
                Plan plan, AuditSpec spec, MetricAuditModule<P, I, S, R> module) throws Exception;
    }

    @Override
    public void close() {
        models.close();
    }
}
