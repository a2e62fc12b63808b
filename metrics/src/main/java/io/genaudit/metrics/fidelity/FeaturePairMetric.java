package io.genaudit.metrics.fidelity;

import io.genaudit.metrics.contract.Metric;
import io.genaudit.metrics.contract.MetricResult;

/**
 * What the two-sample fidelity metrics (FID, KID, PRDC) share on the metric contract: {@link FeatureBatch} input, a
 * {@link FeaturePairState} that keeps the feature rows by global row id (unless {@link #keepsRows} says the statistics
 * suffice), and its merge. Subclasses give their parameter and result types and {@code compute}.
 */
public abstract class FeaturePairMetric<P extends Record, R extends Record & MetricResult> implements Metric<P, FeatureBatch, FeaturePairState, R> {
    private final Class<P> parameterType;
    private final Class<R> resultType;

    protected FeaturePairMetric(Class<P> parameterType, Class<R> resultType) {
        this.parameterType = parameterType;
        this.resultType = resultType;
    }

    /** Whether the state must keep the rows for these parameters (default: always; FID only for its bootstrap and FID∞). */
    protected boolean keepsRows(P params) {
        return true;
    }

    @Override
    public final Class<P> parameterType() {
        return parameterType;
    }

    @Override
    public final Class<FeatureBatch> inputType() {
        return FeatureBatch.class;
    }

    @Override
    public final Class<R> resultType() {
        return resultType;
    }

    @Override
    public final FeaturePairState newState(P params) {
        return new FeaturePairState(keepsRows(params));
    }

    @Override
    public final FeaturePairState update(FeaturePairState state, FeatureBatch batch) {
        return state.add(batch);
    }

    @Override
    public final FeaturePairState merge(FeaturePairState a, FeaturePairState b) {
        return a.merge(b);
    }
}
