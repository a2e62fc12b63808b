package io.genaudit.audits.modules;

import io.genaudit.audits.coverage.CoverageNotes;
import io.genaudit.audits.metric.ResultPresenter;
import io.genaudit.metrics.fidelity.KidMetric;
import io.genaudit.reports.AuditResult;

/** KID in the report: the measured coverage of its interval method when an interval was computed. */
public final class KidPresenter implements ResultPresenter<KidMetric.Params, KidMetric.Result> {
    @Override
    public void present(KidMetric.Params params, KidMetric.Result result, AuditResult.Builder out) {
        if (params.bootstrap() > 0) CoverageNotes.forMetric("kid", false).forEach(out::note);
    }
}
