package io.genaudit.metrics.fidelity;

import io.genaudit.metrics.contract.StateMetric;
import io.genaudit.metrics.contract.MetricResult;

/**
 * A two-sample metric over real and generated features (FID, KID, PRD, precision/recall/density/coverage): its input
 * is {@link FeatureBatch} and its state {@link FeaturePairState}, so it only says how it computes (and, like FID,
 * whether it needs the rows at all: {@link #newState} keeps them by default).
 */
public interface FeaturePairMetric<P extends Record, R extends Record & MetricResult> extends StateMetric<P, FeatureBatch, FeaturePairState, R> {
    /** A state that keeps every row (what kernel, nearest-neighbour and clustering metrics need); FID keeps them only when asked. */
    @Override
    default FeaturePairState newState(P params) {
        return new FeaturePairState(true);
    }
}
