package io.genaudit.audits.modules;

import io.genaudit.audits.AuditContext;
import io.genaudit.audits.AuditSpec;
import io.genaudit.audits.coverage.CoverageNotes;
import io.genaudit.audits.plan.PlanException;
import io.genaudit.metrics.fidelity.FeatureSet;
import io.genaudit.metrics.fidelity.KernelInceptionDistance;
import io.genaudit.metrics.fidelity.KidInterval;
import io.genaudit.values.Interval;
import io.genaudit.reports.AuditResult;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code metric: kid}: Kernel Inception Distance (torch-fidelity's definition: cubic polynomial kernel, unbiased
 * MMD^2 averaged over subsets) between the real dataset and generator samples, with a percentile bootstrap interval.
 */
public final class FidelityKidAudit extends FidelityAuditModule {
    @Override
    public Boolean higherIsBetter() {
        return false;
    }

    @Override
    public String metric() {
        return "kid";
    }

    @Override
    public Set<String> parameters() {
        return FidelityAuditInputs.parameters(true, "subsets", "subsetSize");
    }

    @Override
    public Set<String> gateFields() {
        return Set.of("std");
    }

    @Override
    public List<AuditResult> run(AuditContext ctx, AuditSpec spec) {
        FidelityAuditInputs in = new FidelityAuditInputs(ctx, spec, true);
        int subsets = in.p.intParam("subsets", KernelInceptionDistance.DEFAULT_SUBSETS);
        int subsetSize = in.p.intParam("subsetSize", KernelInceptionDistance.DEFAULT_SUBSET_SIZE);
        if (subsets < 1) throw new PlanException(spec.planFile(), in.p.prefix() + ".subsets", "a positive number expected, got " + subsets);
        if (subsetSize < 2) throw new PlanException(spec.planFile(), in.p.prefix() + ".subsetSize", "at least 2 expected, got " + subsetSize);
        FeatureSet real = in.real(ctx, true);
        FeatureSet fake = in.fake(ctx, true);
        double[][] a = real.features("KID");
        double[][] b = fake.features("KID");
        long numpySeed = in.numpySeed();
        KernelInceptionDistance.Result r;
        Interval ci = null;
        try (AuditContext.Phase ph = ctx.phase(spec.id() + " kid", "evaluate", in.subjectId)) {
            r = new KernelInceptionDistance(subsets, subsetSize, numpySeed).compute(a, b);
            if (in.bootstrap > 0) {
                ci = KidInterval.of(a, b, r.mean(), r.subsetSize(), numpySeed, in.seed, in.level);
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("std", r.std());
        details.put("subsets", r.subsets());
        details.put("subset_size", r.subsetSize());
        details.put("n_real", real.count());
        details.put("n_fake", fake.count());
        Map<String, Object> settings = in.settings();
        settings.put("subsets", subsets);
        settings.put("subset_size", subsetSize);
        settings.put("subset_size_used", r.subsetSize());
        settings.put("kernel", "(x.y/d + 1)^3");
        settings.put("subset_seed", numpySeed);
        settings.put("bootstrap", in.bootstrap);
        List<String> notes = in.notes("KID");
        if (in.bootstrap > 0) notes.addAll(CoverageNotes.forMetric("kid", false));
        notes.add("KID is unbiased in N but its subset spread (std) depends on the subset size; std is over subsets, the "
                + "interval over bootstrap resamples of both sets.");
        return List.of(new AuditResult(spec.id(), metric(), in.subjectId, in.datasetLabel(), r.mean(), null, ci, fake.count(),
                settings, null, details, List.of(), List.of(), List.of(), notes));
    }
}
