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
import java.util.List;

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
        this.diversity = new SparkDiversityAudit(spark, settings, models);
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

    /**
     * Plan errors Spark can find before it starts on {@code master}: one model per audit; readable datasets for the
     * documents, the given generations and the prompt and reference texts of generating diversity audits (Parquet text
     * tables, or local text folders and files on a local master); bias-lm probes named or given as a Parquet probe table.
     */
    public static void preflight(Plan plan, AuditSpec spec, AuditModule module, String master) {
        String at = "audits." + spec.id();
        if (spec.models().size() > 1) {
            throw new PlanException(plan.file(), at + ".model", "one model per audit on Spark, got " + spec.models() + "; give each model its own audit");
        }
        ParquetDatasets tables = new ParquetDatasets(plan, master);
        if (SparkDiversityAudit.supports(module) && !spec.models().isEmpty()) {
            for (String key : List.of("promptFrom", "referenceData")) if (spec.params().has(key)) tables.input(spec, key);
        } else if (SparkBiasLmAudit.supports(module)) {
            if (spec.params().has("probes")) return;
            if (spec.data().isEmpty()) {
                throw new PlanException(plan.file(), at + ".params.probes", "bias-lm needs probes: a built-in suite, a probe file, "
                        + "or data: a Parquet probe table (see docs/spark.md)");
            }
            probeTable(plan, spec, master);
        } else {
            tables.input(at + ".data", spec.dataset());
        }
    }

    /** The Parquet probe table a bias-lm audit's {@code data:} names (probe tables are read as Parquet on every master). */
    static String probeTable(Plan plan, AuditSpec spec, String master) {
        String field = "audits." + spec.id() + ".data";
        DatasetInput in = new ParquetDatasets(plan, master).input(field, spec.dataset());
        if (!in.parquet()) {
            throw new PlanException(plan.file(), field, "dataset '" + spec.dataset() + "' (" + in.location() + "): bias-lm probes on Spark are a built-in suite, "
                    + "a probe file (probes:) or a Parquet probe table (data:; see docs/spark.md)");
        }
        return in.location();
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
