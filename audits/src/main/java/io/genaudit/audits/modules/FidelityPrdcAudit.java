package io.genaudit.audits.modules;

import io.genaudit.audits.AuditContext;
import io.genaudit.audits.AuditSpec;
import io.genaudit.audits.coverage.CoverageNotes;
import io.genaudit.audits.plan.PlanException;
import io.genaudit.metrics.fidelity.FeatureSet;
import io.genaudit.metrics.fidelity.PrecisionRecallDensityCoverage;
import io.genaudit.metrics.fidelity.PrdcIntervals;
import io.genaudit.reports.AuditResult;
import io.genaudit.reports.Chart;
import io.genaudit.values.Interval;
import io.genaudit.reports.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code metric: prdc}: precision and recall (Kynkäänniemi 2019) and density and coverage (Naeem 2020) of generator
 * samples against the real dataset, prdc package definitions, shown as a bar chart with bootstrap intervals. The
 * headline value is precision; all four are gateable by name.
 */
public final class FidelityPrdcAudit extends FidelityAuditModule {
    private static final List<String> FIELDS = List.of("precision", "recall", "density", "coverage");

    @Override
    public Boolean higherIsBetter() {
        return true;
    }

    @Override
    public String metric() {
        return "prdc";
    }

    @Override
    public Set<String> parameters() {
        return FidelityAuditInputs.parameters(true, "k");
    }

    @Override
    public Set<String> gateFields() {
        return Set.copyOf(FIELDS);
    }

    @Override
    public List<AuditResult> run(AuditContext ctx, AuditSpec spec) {
        FidelityAuditInputs in = new FidelityAuditInputs(ctx, spec, true);
        int k = in.p.intParam("k", PrecisionRecallDensityCoverage.DEFAULT_K);
        if (k < 1) throw new PlanException(spec.planFile(), in.p.prefix() + ".k", "a positive k expected, got " + k);
        if (in.samples <= k) throw new PlanException(spec.planFile(), in.p.prefix() + ".samples", "more than k=" + k + " samples needed, got " + in.samples);
        FeatureSet real = in.real(ctx, true);
        FeatureSet fake = in.fake(ctx, true);
        double[][] a = real.features("prdc");
        double[][] b = fake.features("prdc");
        PrecisionRecallDensityCoverage prdc = new PrecisionRecallDensityCoverage(k);
        PrecisionRecallDensityCoverage.Result r;
        double[] low = new double[4];
        double[] high = new double[4];
        boolean haveCi = in.bootstrap > 0;
        Interval[] cis = null;
        try (AuditContext.Phase ph = ctx.phase(spec.id() + " prdc", "evaluate", in.subjectId)) {
            r = prdc.compute(a, b);
            if (haveCi) {
                cis = PrdcIntervals.of(prdc, r, a, b, in.seed, in.level);
                for (int f = 0; f < 4; f++) {
                    low[f] = cis[f].low();
                    high[f] = cis[f].high();
                }
            }
        }
        double[] values = {r.precision(), r.recall(), r.density(), r.coverage()};
        Map<String, Object> details = new LinkedHashMap<>();
        for (int f = 0; f < 4; f++) {
            details.put(FIELDS.get(f), values[f]);
            if (haveCi) {
                details.put(FIELDS.get(f) + "_ci_low", low[f]);
                details.put(FIELDS.get(f) + "_ci_high", high[f]);
                details.put(FIELDS.get(f) + "_ci_estimand", cis[f].estimand());
            }
        }
        details.put("n_real", real.count());
        details.put("n_fake", fake.count());
        Chart chart = new Chart(Chart.Type.BAR, "Precision, recall, density, coverage (k=" + k + ")", "", "value", FIELDS,
                List.of(new Chart.Series("generated vs real", null, values, haveCi ? low : null, haveCi ? high : null)));
        List<List<String>> rows = new ArrayList<>();
        for (int f = 0; f < 4; f++) {
            rows.add(List.of(FIELDS.get(f), String.format(Locale.ROOT, "%.4f", values[f]),
                    haveCi ? String.format(Locale.ROOT, "%.4f .. %.4f", low[f], high[f]) : "-"));
        }
        Table table = new Table("k-NN fidelity and diversity", List.of("measure", "value", Math.round(in.level * 100) + "% CI"), rows);
        Map<String, Object> settings = in.settings();
        settings.put("k", k);
        settings.put("bootstrap", in.bootstrap);
        List<String> notes = in.notes("precision/recall/density/coverage");
        if (haveCi) notes.addAll(CoverageNotes.forMetric("prdc", false));
        notes.add("Precision and density measure fidelity (samples near real data), recall and coverage measure diversity. "
                + "Density can exceed 1. Intervals: half-sampling of both sets (the bootstrap's duplicated rows shrink k-NN radii and distort these measures), normal intervals on the logit scale for the three shares and on the log scale for density so that they stay in range; each covers the expected value at these sample sizes"
                + (haveCi ? "." : " (off: bootstrap 0)."));
        return List.of(new AuditResult(spec.id(), metric(), in.subjectId, in.datasetLabel(), r.precision(), null, haveCi ? cis[0] : null, fake.count(),
                settings, null, details, List.of(chart), List.of(), List.of(table), notes));
    }
}
