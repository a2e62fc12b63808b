package io.genaudit.audits.modules;

import io.genaudit.audits.coverage.CoverageNotes;
import io.genaudit.audits.metric.ResultPresenter;
import io.genaudit.metrics.fidelity.PrdcIntervals;
import io.genaudit.metrics.fidelity.PrdcMetric;
import io.genaudit.reports.AuditResult;
import io.genaudit.reports.Chart;
import io.genaudit.reports.Table;
import io.genaudit.values.Interval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Precision, recall, density and coverage in the report: one bar chart with their intervals, a table, and the
 * measured coverage of the interval method.
 */
public final class PrdcPresenter implements ResultPresenter<PrdcMetric.Params, PrdcMetric.Result> {
    private static final List<String> FIELDS = List.of(PrdcIntervals.FIELDS);

    @Override
    public void present(PrdcMetric.Params params, PrdcMetric.Result result, AuditResult.Builder out) {
        PrdcMetric.Params p = params;
        PrdcMetric.Result r = result;
        double[] values = r.values();
        Interval[] cis = r.intervals();
        boolean haveCi = cis[0] != null;
        double[] low = new double[4];
        double[] high = new double[4];
        List<List<String>> rows = new ArrayList<>();
        for (int f = 0; f < 4; f++) {
            if (haveCi) {
                low[f] = cis[f].low();
                high[f] = cis[f].high();
            }
            rows.add(List.of(FIELDS.get(f), String.format(Locale.ROOT, "%.4f", values[f]),
                    haveCi ? String.format(Locale.ROOT, "%.4f .. %.4f", low[f], high[f]) : "-"));
        }
        out.chart(new Chart(Chart.Type.BAR, "Precision, recall, density, coverage (k=" + r.k() + ")", "", "value", FIELDS,
                List.of(new Chart.Series("generated vs real", null, values, haveCi ? low : null, haveCi ? high : null))));
        out.table(new Table("k-NN fidelity and diversity", List.of("measure", "value", Math.round(p.level() * 100) + "% CI"), rows));
        if (haveCi) CoverageNotes.forMetric("prdc", false).forEach(out::note);
    }
}
