package io.genaudit.audits.modules;

import io.genaudit.audits.metric.ResultPresenter;
import io.genaudit.metrics.perplexity.PerplexityMetric;
import io.genaudit.reports.AuditResult;
import io.genaudit.reports.Chart;

import java.util.List;

/** Perplexity in the report: the distribution of the documents' own token perplexities. */
public final class PerplexityPresenter implements ResultPresenter {
    @Override
    public String metric() {
        return "perplexity";
    }

    @Override
    public void present(Record params, Record result, AuditResult.Builder out) {
        PerplexityMetric.Result r = (PerplexityMetric.Result) result;
        out.chart(new Chart(Chart.Type.HISTOGRAM, "Per-document perplexity", "token perplexity", "documents", null,
                List.of(Chart.Series.of("documents", null, r.perDocumentPerplexity()))));
    }
}
