package io.genaudit.metrics.fidelity;

import io.genaudit.metrics.contract.StateMetric;
import io.genaudit.metrics.contract.MetricResult;

/**
 * A two-sample metric over real and generated features (FID, KID, PRD, precision/recall/density/coverage): its input
 * is {@link FeatureBatch} and its state {@link FeaturePairState}, so it only says whether it keeps rows
 * ({@link #newState}) and how it computes.
 */
public interface FeaturePairMetric<P extends Record, R extends Record & MetricResult> extends StateMetric<P, FeatureBatch, FeaturePairState, R> {
}
