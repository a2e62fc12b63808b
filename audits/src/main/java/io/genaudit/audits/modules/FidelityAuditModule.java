package io.genaudit.audits.modules;

import io.genaudit.audits.AuditModule;

import java.util.List;
import java.util.Set;

/**
 * What the fidelity modules ({@code fid}, {@code kid}, {@code prdc}, {@code inception-score}) declare alike: their
 * dataset parameters ({@code real}, {@code fake}), the extractor parameter ({@code features}) and {@code fake} as
 * samples given as data instead of a generator model, so the plan parser checks them all.
 */
abstract class FidelityAuditModule implements AuditModule {
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
}
