package io.genaudit.audits.modules;

import io.genaudit.audits.AuditContext;
import io.genaudit.audits.AuditSpec;
import io.genaudit.audits.metric.InputAdapter;
import io.genaudit.audits.metric.InputFeed;
import io.genaudit.metrics.fidelity.ClassLogitsBatch;
import io.genaudit.metrics.fidelity.FeatureBatches;

import java.util.List;
import java.util.Set;

/**
 * Plan inputs of the metrics that score generated samples through a classifier ({@code inception-score}): the class
 * logits of {@code samples} seeded samples of the audited generator, or of the dataset {@code fake} (image folder, or
 * {@code .npy} logits [N, C]), from the classifier named by {@code classifier} ({@code features} is the older name,
 * still accepted). No real data is read.
 */
public final class ClassLogitsInputs implements InputAdapter<ClassLogitsBatch> {
    @Override
    public Set<String> planParameters() {
        return Set.of("fake", "samples", "classifier", "features", "batch", "seed");
    }

    @Override
    public Set<String> datasetParameters() {
        return Set.of("fake");
    }

    @Override
    public Set<String> modelParameters() {
        return FidelityAuditInputs.CLASSIFIERS;
    }

    @Override
    public List<String> samplesParameters() {
        return FidelityAuditInputs.SAMPLES;
    }

    @Override
    public InputFeed<ClassLogitsBatch> open(AuditContext ctx, AuditSpec spec) {
        String key = spec.params().has("features") && !spec.params().has("classifier") ? "features" : "classifier";
        FidelityAuditInputs in = new FidelityAuditInputs(ctx, spec, false, key, "a classifier (its outputs are taken as class logits)");
        return new FidelityInputFeed<>(in, sink -> in.fake(ctx, FeatureBatches.asLogits("the Inception Score", sink)));
    }
}
