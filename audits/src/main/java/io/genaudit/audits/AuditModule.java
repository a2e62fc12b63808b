package io.genaudit.audits;

import io.genaudit.reports.AuditResult;

import java.util.List;
import java.util.Set;

/**
 * One kind of audit (a metric module) that a plan can name: {@code metric: perplexity}. The harness validates the
 * plan's parameters against {@link #parameters()} (an unknown key is an error), hands the module its models and data
 * through the {@link AuditContext}, and applies the gate to the results. Registered in
 * META-INF/services/io.genaudit.audits.AuditModule.
 */
public interface AuditModule {
    /** The name plans use in {@code metric:}. */
    String metric();

    /** Every parameter key this module accepts under {@code params:}. */
    Set<String> parameters();

    /**
     * Whether higher values are better (true), lower (false), or neither (null): comparisons and baseline gates say
     * "better" or "worse" by it. Generated modules take it from the metric's {@code MetricInfo}.
     */
    default Boolean higherIsBetter() {
        return null;
    }

    /** Fields a gate may name with {@code on:} besides {@code value} (e.g. {@code auc}, {@code precision}). */
    default Set<String> gateFields() {
        return Set.of();
    }

    /**
     * Parameters whose value names a dataset id of the plan (a string or a list of strings); the plan parser checks
     * that each names a declared dataset and reports the line otherwise.
     */
    default Set<String> datasetParameters() {
        return Set.of();
    }

    /** Parameters whose value names a model id of the plan; checked by the plan parser like {@link #datasetParameters()}. */
    default Set<String> modelParameters() {
        return Set.of();
    }

    /**
     * The parameters that take generated samples as a dataset ({@code fake: DATASET_ID}, first the canonical name,
     * then accepted aliases) in place of a generator model; empty when the module needs a model. When not empty, the
     * plan parser requires exactly one of {@code model:} and these parameters.
     */
    default List<String> samplesParameters() {
        return List.of();
    }

    /**
     * Runs the audit. Returns one result per audited model (usually one). Throw
     * {@link io.genaudit.engine.InputException} for bad input; the harness turns it into exit code 2.
     */
    List<AuditResult> run(AuditContext ctx, AuditSpec spec) throws Exception;
}
