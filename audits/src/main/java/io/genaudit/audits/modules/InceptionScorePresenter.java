package io.genaudit.audits.modules;

import io.genaudit.audits.metric.ResultPresenter;
import io.genaudit.metrics.fidelity.InceptionScoreMetric;
import io.genaudit.reports.AuditResult;
import io.genaudit.reports.Chart;

import java.util.List;
import java.util.stream.IntStream;

/** The Inception Score in the report: the score of each split as a bar chart (their spread is the reported std). */
public final class InceptionScorePresenter implements ResultPresenter<InceptionScoreMetric.Params, InceptionScoreMetric.Result> {
    @Override
    public void present(InceptionScoreMetric.Params params, InceptionScoreMetric.Result result, AuditResult.Builder out) {
        InceptionScoreMetric.Result r = result;
        double[] x = IntStream.rangeClosed(1, r.splits()).asDoubleStream().toArray();
        out.chart(new Chart(Chart.Type.BAR, "Inception Score per split", "split", "IS",
                IntStream.rangeClosed(1, r.splits()).mapToObj(String::valueOf).toList(),
                List.of(Chart.Series.of("IS", x, r.perSplit()))));
    }
}
