package io.genaudit.audits.modules;

import io.genaudit.audits.AuditContext;
import io.genaudit.audits.AuditSpec;
import io.genaudit.audits.metric.InputAdapter;
import io.genaudit.audits.metric.InputFeed;
import io.genaudit.metrics.fidelity.FeatureBatch;

import java.util.List;
import java.util.Set;

/**
 * Plan inputs of the two-sample fidelity metrics ({@code fid}, {@code kid}, {@code prdc}): features of the real
 * dataset ({@code real}: image folder, {@code .npy} or {@code .npz}) and of the generated side ({@code samples} seeded
 * samples of the audited generator, or the dataset {@code fake}), both through the extractor {@code features}. Images
 * are streamed batch by batch into the metric's state, so a metric that keeps only moments (FID without bootstrap or
 * FID∞) holds no feature rows, however many images there are.
 */
public final class FeaturePairInputs implements InputAdapter<FeatureBatch> {
    @Override
    public Set<String> planParameters() {
        return Set.of("real", "fake", "samples", "features", "batch", "seed");
    }

    @Override
    public Set<String> datasetParameters() {
        return FidelityAuditInputs.DATASETS;
    }

    @Override
    public Set<String> modelParameters() {
        return FidelityAuditInputs.MODELS;
    }

    @Override
    public List<String> samplesParameters() {
        return FidelityAuditInputs.SAMPLES;
    }

    @Override
    public InputFeed<FeatureBatch> open(AuditContext ctx, AuditSpec spec) {
        FidelityAuditInputs in = new FidelityAuditInputs(ctx, spec);
        return new FidelityInputFeed<>(in, sink -> {
            in.real(ctx, sink);
            in.fake(ctx, sink);
        });
    }
}
