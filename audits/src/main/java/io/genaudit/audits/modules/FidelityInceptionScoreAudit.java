package io.genaudit.audits.modules;

import io.genaudit.audits.AuditContext;
import io.genaudit.audits.AuditSpec;
import io.genaudit.audits.plan.PlanException;
import io.genaudit.metrics.fidelity.FeatureSet;
import io.genaudit.metrics.fidelity.InceptionScore;
import io.genaudit.values.Interval;
import io.genaudit.reports.AuditResult;
import io.genaudit.reports.Chart;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code metric: inception-score}: Inception Score of generator samples from the class logits of the extractor named
 * by {@code features} (torch-fidelity's definition: splits, exp of mean KL, mean and std over splits), with a
 * percentile bootstrap interval over samples.
 */
public final class FidelityInceptionScoreAudit extends FidelityAuditModule {
    @Override
    public Boolean higherIsBetter() {
        return true;
    }

    @Override
    public String metric() {
        return "inception-score";
    }

    @Override
    public Set<String> parameters() {
        return FidelityAuditInputs.parameters(false, "splits", "shuffle");
    }

    @Override
    public Set<String> gateFields() {
        return Set.of("std");
    }

    @Override
    public List<AuditResult> run(AuditContext ctx, AuditSpec spec) {
        FidelityAuditInputs in = new FidelityAuditInputs(ctx, spec, false);
        int splits = in.p.intParam("splits", InceptionScore.DEFAULT_SPLITS);
        if (splits < 1 || splits > in.samples) {
            throw new PlanException(spec.planFile(), in.p.prefix() + ".splits", "between 1 and samples (" + in.samples + ") expected, got " + splits);
        }
        boolean shuffle = in.p.boolParam("shuffle", true);
        long numpySeed = in.numpySeed();
        FeatureSet fake = in.fake(ctx, true);
        double[][] logits = fake.features("inception-score");
        InceptionScore is = new InceptionScore(splits, shuffle, numpySeed);
        InceptionScore.Result r;
        Interval ci = null;
        try (AuditContext.Phase ph = ctx.phase(spec.id() + " inception score", "evaluate", in.subjectId)) {
            r = is.compute(logits);
            if (in.bootstrap > 0) {
                ci = is.interval(logits, in.bootstrap, in.seed, in.level);
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("std", r.std());
        details.put("splits", splits);
        details.put("classes", in.extractor.dimension());
        Map<String, Object> settings = in.settings();
        settings.put("splits", splits);
        settings.put("shuffle", shuffle);
        settings.put("shuffle_seed", numpySeed);
        settings.put("bootstrap", in.bootstrap);
        double[] x = new double[splits];
        for (int i = 0; i < splits; i++) x[i] = i + 1;
        Chart chart = new Chart(Chart.Type.BAR, "Inception Score per split", "split", "IS",
                java.util.stream.IntStream.rangeClosed(1, splits).mapToObj(String::valueOf).toList(),
                List.of(Chart.Series.of("IS", x, r.perSplit())));
        List<String> notes = in.notes("Inception Score");
        notes.add("The extractor's outputs are taken as class logits (softmax applied here). IS ignores the real data; it "
                + "rewards confident, class-balanced predictions and is only meaningful with a classifier trained on the "
                + "generator's domain.");
        return List.of(new AuditResult(spec.id(), metric(), in.subjectId, "", r.mean(), null, ci, (long) logits.length,
                settings, null, details, List.of(chart), List.of(), List.of(), notes));
    }
}
