package io.genaudit.audits.metric;

import io.genaudit.audits.AuditContext;
import io.genaudit.audits.AuditModule;
import io.genaudit.audits.AuditSpec;
import io.genaudit.audits.PlanException;
import io.genaudit.metrics.contract.Metric;
import io.genaudit.metrics.contract.MetricResult;
import io.genaudit.metrics.contract.MetricRun;
import io.genaudit.metrics.contract.ParamException;
import io.genaudit.metrics.contract.ParamSchema;
import io.genaudit.reports.AuditResult;

import java.io.Serializable;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plan module generated from a {@link Metric}: its parameters are the metric's and its input adapter's, its gate
 * fields the result's numeric components; running it binds and checks the parameters (a bad value is a plan error
 * naming the field), streams the adapter's batches into a fresh state, computes and presents the result.
 */
public final class MetricAuditModule<P extends Record, I, S extends Serializable, R extends Record & MetricResult> implements AuditModule {
    private final Metric<P, I, S, R> metric;
    private final InputAdapter<I> inputs;

    public MetricAuditModule(Metric<P, I, S, R> metric) {
        this.metric = metric;
        this.inputs = InputAdapters.forType(metric.inputType());
    }

    /** The module of a catalogued metric (wildcard-typed). */
    public static AuditModule of(Metric<?, ?, ?, ?> metric) {
        return new MetricAuditModule<>(metric);
    }

    public Metric<P, I, S, R> metricDefinition() {
        return metric;
    }

    @Override
    public String metric() {
        return metric.info().name();
    }

    @Override
    public Boolean higherIsBetter() {
        return metric.info().direction().higherIsBetter();
    }

    @Override
    public Set<String> parameters() {
        Set<String> s = new LinkedHashSet<>(metric.parameters().names());
        s.addAll(inputs.planParameters());
        return s;
    }

    @Override
    public Set<String> gateFields() {
        Set<String> s = new LinkedHashSet<>(metric.gateFields().names());
        s.remove("value");
        return s;
    }

    @Override
    public Set<String> datasetParameters() {
        return inputs.datasetParameters();
    }

    @Override
    public Set<String> modelParameters() {
        return inputs.modelParameters();
    }

    @Override
    public List<String> samplesParameters() {
        return inputs.samplesParameters();
    }

    /** The parameter record of a plan entry; a bad value is a {@link PlanException} naming {@code audits.ID.params.KEY}. */
    public P bind(AuditSpec spec, long runSeed) {
        ParamSchema<P> schema = metric.parameters();
        Map<String, Object> given = new HashMap<>();
        for (String name : schema.names()) if (spec.params().has(name)) given.put(name, spec.params().values().get(name));
        try {
            return schema.bind(given, runSeed);
        } catch (ParamException e) {
            throw new PlanException(spec.planFile(), spec.params().prefix() + "." + e.parameter(), e.getMessage());
        }
    }

    @Override
    public List<AuditResult> run(AuditContext ctx, AuditSpec spec) throws Exception {
        P params = bind(spec, ctx.seed());
        InputFeed<I> feed = inputs.open(ctx, spec);
        S state = MetricRun.accumulate(metric, params, feed);
        R result;
        try (AuditContext.Phase ph = ctx.phase(spec.id() + " " + metric(), "evaluate", feed.subject())) {
            result = metric.compute(state, params);
        }
        return List.of(MetricPresentation.present(spec.id(), metric, params, result, feed).build());
    }
}
