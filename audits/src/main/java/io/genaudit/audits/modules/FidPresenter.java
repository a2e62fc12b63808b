package io.genaudit.audits.modules;

import io.genaudit.audits.coverage.CoverageNotes;
import io.genaudit.audits.metric.ResultPresenter;
import io.genaudit.metrics.fidelity.FidMetric;
import io.genaudit.reports.AuditResult;
import io.genaudit.reports.Chart;

import java.util.List;

/** FID in the report: the coverage of its interval methods and, with FID∞, the fit of FID against 1/N. */
public final class FidPresenter implements ResultPresenter<FidMetric.Params, FidMetric.Result> {
    @Override
    public void present(FidMetric.Params params, FidMetric.Result result, AuditResult.Builder out) {
        FidMetric.Params p = params;
        FidMetric.Result r = result;
        if (p.bootstrap() > 0) CoverageNotes.forMetric("fid", p.fidInfinity()).forEach(out::note);
        if (r.fidInfinitySizes() != null) {
            double[] x = new double[r.fidInfinitySizes().length];
            for (int i = 0; i < x.length; i++) x[i] = 1.0 / r.fidInfinitySizes()[i];
            out.chart(new Chart(Chart.Type.SCATTER, "FID of subsets against 1/N (FID∞ = intercept)", "1 / N (generated subset size)", "FID",
                    List.of(), List.of(Chart.Series.of("FID(N)", x, r.fidInfinityFids()))));
        }
    }
}
