package io.genaudit.audits.modules;

import io.genaudit.audits.metric.ResultPresenter;
import io.genaudit.metrics.perplexity.PerplexityMetric;
import io.genaudit.reports.AuditResult;
import io.genaudit.reports.Chart;

import java.util.List;

/** Perplexity in the report: the distribution of the documents' own token perplexities. */
public final class PerplexityPresenter implements ResultPresenter<PerplexityMetric.Params, PerplexityMetric.Result> {
    @Override
    public void present(PerplexityMetric.Params params, PerplexityMetric.Result result, AuditResult.Builder out) {
        PerplexityMetric.Result r = result;
        out.chart(new Chart(Chart.Type.HISTOGRAM, "Per-document perplexity", "token perplexity", "documents", null,
                List.of(Chart.Series.of("documents", null, r.perDocumentPerplexity()))));
    }
}
