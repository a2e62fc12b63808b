package io.genaudit.audits.modules;

import io.genaudit.audits.metric.ResultPresenter;
import io.genaudit.metrics.detect.DetectabilityMetric;
import io.genaudit.reports.AuditResult;

/**
 * Detectability in the report: the ROC curve and error-rate table, the mean spectra, the transfer test (table, bars,
 * one sentence per other generator), the robustness curves and table, and the synthetic-origin mark tables.
 */
public final class DetectabilityPresenter implements ResultPresenter<DetectabilityMetric.Params, DetectabilityMetric.Result> {
    @Override
    public void present(DetectabilityMetric.Params params, DetectabilityMetric.Result result, AuditResult.Builder out) {
        DetectabilityMetric.Result r = result;
        out.chart(DetectabilityCharts.roc(r));
        out.table(DetectabilityTables.headline(r));
        if (r.meanSpectrumReal() != null) out.chart(DetectabilityCharts.spectra(r.meanSpectrumReal(), r.meanSpectrumGenerated()));
        if (!r.crossGenerator().isEmpty()) {
            out.table(DetectabilityTables.transfer(r.crossGenerator()));
            out.chart(DetectabilityCharts.transfer(r.crossGenerator()));
            r.crossGenerator().forEach(t -> out.note(DetectabilityTables.transferNote(t)));
        }
        if (!r.robustness().isEmpty()) {
            DetectabilityCharts.robustness(r.robustness(), r.auc()).forEach(out::chart);
            out.table(DetectabilityTables.robustness(r.robustness()));
        }
        MarkingSection.tables(r).forEach(out::table);
    }
}
