package io.genaudit.audits.modules;

import io.genaudit.audits.metric.ResultPresenter;
import io.genaudit.metrics.bias.AttributeDistributionProbe;
import io.genaudit.metrics.bias.BiasImageMetric;
import io.genaudit.reports.AuditResult;
import io.genaudit.reports.Chart;
import io.genaudit.reports.Table;

import java.util.ArrayList;
import java.util.List;

import static io.genaudit.metrics.bias.BiasText.interval;
import static io.genaudit.metrics.bias.BiasText.number;

/**
 * bias-image in the report: the distances of every condition's distribution from the target, per condition a bar
 * chart of the class shares against the target with a table of the per-class tests, and the classifier's confusion
 * matrix on the calibration images.
 */
public final class BiasImagePresenter implements ResultPresenter<BiasImageMetric.Params, BiasImageMetric.Result> {
    @Override
    public void present(BiasImageMetric.Params params, BiasImageMetric.Result result, AuditResult.Builder out) {
        BiasImageMetric.ConditionReports c = result.reports();
        out.table(distances(c));
        boolean several = c.conditions().size() > 1;
        for (int i = 0; i < c.reports().size(); i++) {
            var r = c.reports().get(i);
            String prefix = several ? c.conditions().get(i) + ": " : "";
            out.chart(shares(prefix + c.attribute() + " shares of generated images vs target", r));
            out.table(BiasTables.tests(prefix + c.attribute() + " share per class vs target (" + r.method() + ")", r.perClass()));
            if (i == 0 && r.confusion() != null) out.table(confusion(r));
        }
    }

    private static Table distances(BiasImageMetric.ConditionReports c) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < c.reports().size(); i++) {
            var r = c.reports().get(i);
            var d = r.distances();
            rows.add(List.of(c.conditions().get(i), String.valueOf(r.n()), number(d.tvd()), interval(d.tvdCi()), number(d.kl()), interval(d.klCi()),
                    number(d.mad()), interval(d.madCi()), number(r.chiSquare().statistic()), number(r.chiSquare().pValue())));
        }
        return new Table("Distance of the " + c.attribute() + " distribution from the target", List.of("condition", "n", "TVD", "TVD CI", "KL (nats)", "KL CI",
                "MAD", "MAD CI", "chi-square", "chi-square p"), rows);
    }

    private static Chart shares(String title, AttributeDistributionProbe.Report r) {
        var rows = r.perClass().rows();
        return new Chart(Chart.Type.BAR, title, "class", "share", r.classes(),
                List.of(new Chart.Series(r.method().startsWith("confusion") ? "corrected share" : "predicted share", null, r.estimate(),
                                rows.stream().mapToDouble(g -> g.ci().low()).toArray(), rows.stream().mapToDouble(g -> g.ci().high()).toArray()),
                        Chart.Series.of("target", null, r.target())));
    }

    private static Table confusion(AttributeDistributionProbe.Report r) {
        List<List<String>> rows = new ArrayList<>();
        for (int t = 0; t < r.classes().size(); t++) {
            List<String> row = new ArrayList<>();
            row.add(r.classes().get(t));
            for (double v : r.confusion()[t]) row.add(number(v));
            rows.add(row);
        }
        List<String> cols = new ArrayList<>();
        cols.add("true \\ predicted");
        cols.addAll(r.classes());
        return new Table("Classifier confusion matrix on " + r.calibrationN() + " labelled reference images (rows sum to 1)", cols, rows);
    }
}
