package io.genaudit.audits.modules;

import io.genaudit.audits.AuditContext;
import io.genaudit.audits.AuditSpec;
import io.genaudit.audits.coverage.CoverageNotes;
import io.genaudit.metrics.fidelity.FeatureSet;
import io.genaudit.metrics.fidelity.FidInfinity;
import io.genaudit.metrics.fidelity.FrechetDistance;
import io.genaudit.metrics.fidelity.FidIntervals;
import io.genaudit.reports.AuditResult;
import io.genaudit.reports.Chart;
import io.genaudit.values.Interval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code metric: fid}: Fréchet distance between features of the real dataset and of {@code samples} images from
 * the audited generator, with a percentile bootstrap interval (rows of both sets resampled) and, optionally, FID∞
 * (Chong and Forsyth 2020) to expose the finite-sample bias.
 */
public final class FidelityFidAudit extends FidelityAuditModule {
    @Override
    public String metric() {
        return "fid";
    }

    @Override
    public Set<String> parameters() {
        return FidelityAuditInputs.parameters(true, "fidInfinity", "points");
    }

    @Override
    public Set<String> gateFields() {
        return Set.of("fid_infinity");
    }

    @Override
    public List<AuditResult> run(AuditContext ctx, AuditSpec spec) {
        FidelityAuditInputs in = new FidelityAuditInputs(ctx, spec, true);
        boolean inf = in.p.boolParam("fidInfinity", false);
        int points = in.p.intParam("points", 15);
        boolean rows = in.bootstrap > 0;
        FeatureSet real = in.real(ctx, rows || inf);
        FeatureSet fake = in.fake(ctx, rows || inf);
        Map<String, Object> details = new LinkedHashMap<>();
        List<Chart> charts = new ArrayList<>();
        List<String> notes = in.notes("FID");
        if (in.bootstrap > 0) notes.addAll(CoverageNotes.forMetric("fid", inf));
        Interval ci = null;
        FrechetDistance.Result r;
        try (AuditContext.Phase ph = ctx.phase(spec.id() + " fid", "evaluate", in.subjectId)) {
            r = FrechetDistance.compute(real.mean(), real.covariance(), fake.mean(), fake.covariance());
            FidIntervals intervals = new FidIntervals(in.bootstrap, in.seed, in.level);
            if (rows && real.hasFeatures()) {
                ci = intervals.finite(real.features("bootstrap"), fake.features("bootstrap"), r.value());
            } else if (rows) {
                notes.add("No interval: the real set is given as precomputed statistics, so its rows cannot be resampled.");
            }
            if (inf) {
                FidInfinity.Result fi;
                if (real.hasFeatures()) {
                    fi = FidIntervals.infinity(real.features("FID-infinity"), fake.features("FID-infinity"), points, in.seed);
                } else {
                    fi = new FidInfinity(points, in.seed).compute(real.mean(), real.covariance(), fake.features("FID-infinity"), 0);
                    notes.add("FID∞ extrapolates the generated side only: the real set is given as statistics, so its own "
                            + "finite-sample bias (about c/n_real) remains in FID∞ and no FID∞ interval is given.");
                }
                details.put("fid_infinity", fi.value());
                details.put("fid_infinity_slope", fi.slope());
                details.put("fid_infinity_r2", fi.r2());
                details.put("fid_infinity_estimand", FidIntervals.INFINITY_ESTIMAND);
                if (rows && real.hasFeatures()) {
                    Interval infCi = intervals.infinity(real.features("FID-infinity"), fake.features("FID-infinity"), points, fi.value());
                    details.put("fid_infinity_ci_low", infCi.low());
                    details.put("fid_infinity_ci_high", infCi.high());
                    details.put("fid_infinity_ci_method", infCi.method());
                    String story = FidIntervals.disagreement(ci, infCi);
                    if (story != null) notes.add(story);
                }
                double[] x = new double[fi.sizes().length];
                for (int i = 0; i < x.length; i++) x[i] = 1.0 / fi.sizes()[i];
                charts.add(new Chart(Chart.Type.SCATTER, "FID of subsets against 1/N (FID∞ = intercept)", "1 / N (generated subset size)", "FID",
                        List.of(), List.of(Chart.Series.of("FID(N)", x, fi.fids()))));
            }
        }
        details.put("mean_term", r.meanTerm());
        details.put("trace_real", r.trace1());
        details.put("trace_fake", r.trace2());
        details.put("trace_sqrt_product", r.traceSqrtProduct());
        details.put("offset_applied", r.offsetApplied());
        details.put("n_real", real.count());
        details.put("n_fake", fake.count());
        Map<String, Object> settings = in.settings();
        settings.put("bootstrap", in.bootstrap);
        settings.put("sqrt_method", "symmetric eigen route (" + r.method() + "), pytorch-fid-equivalent");
        if (inf) settings.put("fid_infinity_points", points);
        notes.add(String.format(Locale.ROOT, "FID is biased upwards at finite N (roughly +c/N); compare only FIDs at equal sample "
                + "counts (here %d generated images)%s.", fake.count(), inf ? "; FID∞ extrapolates to N = ∞" : ""));
        return List.of(new AuditResult(spec.id(), metric(), in.subjectId, in.datasetLabel(), r.value(), null, ci, fake.count(),
                settings, null, details, charts, List.of(), List.of(), notes));
    }
}
