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
public interface AuditModule extends PlanReferences {
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
     * Runs the audit. Returns one result per audited model (usually one). Throw
     * {@link io.genaudit.engine.InputException} for bad input; the harness turns it into exit code 2.
     */
    List<AuditResult> run(AuditContext ctx, AuditSpec spec) throws Exception;
}
