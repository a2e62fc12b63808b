package io.genaudit.audits.modules;

import io.genaudit.audits.AuditContext;
import io.genaudit.audits.AuditSpec;
import io.genaudit.audits.metric.InputAdapter;
import io.genaudit.audits.metric.InputFeed;
import io.genaudit.metrics.fidelity.FeatureBatch;
import io.genaudit.metrics.fidelity.FeatureBatches;

import java.util.List;
import java.util.Set;

/**
 * Plan inputs of the two-sample fidelity metrics ({@code fid}, {@code kid}, {@code prdc}): features of the real
 * dataset ({@code real}: image folder, {@code .npy} or {@code .npz}) and of the generated side ({@code samples} seeded
 * samples of the audited generator, or the dataset {@code fake}), both through the extractor {@code features}.
 */
public final class FeaturePairInputs implements InputAdapter<FeatureBatch> {
    @Override
    public Class<FeatureBatch> inputType() {
        return FeatureBatch.class;
    }

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
            FeatureBatches.send(FeatureBatch.Side.REAL, in.real(ctx, true), sink);
            FeatureBatches.send(FeatureBatch.Side.FAKE, in.fake(ctx, true), sink);
        });
    }
}
