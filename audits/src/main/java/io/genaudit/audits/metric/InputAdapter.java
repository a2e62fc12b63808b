package io.genaudit.audits.metric;

import io.genaudit.audits.AuditContext;
import io.genaudit.audits.AuditSpec;
import io.genaudit.audits.PlanReferences;

import java.util.List;
import java.util.Set;

/**
 * Where the batches of one input type come from in a plan (models and datasets by id, through the
 * {@link AuditContext}). One adapter serves every metric with that input type, so a new metric over features or
 * per-document scores needs no input code; the command line's counterpart is
 * {@code io.genaudit.audits.cli.CommandInputs}. Registered in META-INF/services/io.genaudit.audits.metric.InputAdapter.
 *
 * @param <I> the input batch type
 */
public interface InputAdapter<I> extends PlanReferences {
    /** The batch type served (read from the declaration). */
    default Class<I> inputType() {
        return io.genaudit.metrics.contract.TypeArguments.of(getClass(), InputAdapter.class, 0);
    }

    /** The plan parameters this adapter reads (besides the metric's own). */
    Set<String> planParameters();

    /** The batches of a plan entry. */
    InputFeed<I> open(AuditContext ctx, AuditSpec spec);
}
