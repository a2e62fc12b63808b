package io.genaudit.audits.modules;

import io.genaudit.audits.coverage.CoverageNotes;
import io.genaudit.audits.metric.ResultPresenter;
import io.genaudit.metrics.fidelity.KidMetric;
import io.genaudit.reports.AuditResult;

/** KID in the report: the measured coverage of its interval method when an interval was computed. */
public final class KidPresenter implements ResultPresenter {
    @Override
    public String metric() {
        return "kid";
    }

    @Override
    public void present(Record params, Record result, AuditResult.Builder out) {
        if (((KidMetric.Params) params).bootstrap() > 0) CoverageNotes.forMetric("kid", false).forEach(out::note);
    }
}
