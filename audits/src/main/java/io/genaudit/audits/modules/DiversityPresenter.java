package io.genaudit.audits.modules;

import io.genaudit.audits.coverage.CoverageNotes;
import io.genaudit.audits.metric.ResultPresenter;
import io.genaudit.metrics.diversity.DiversityFigures;
import io.genaudit.metrics.diversity.DiversityMetric;
import io.genaudit.metrics.diversity.TextSample;
import io.genaudit.reports.AuditResult;
import io.genaudit.reports.Chart;
import io.genaudit.reports.Table;
import io.genaudit.values.Interval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Diversity in the report: bar charts of the figures with their intervals (generations beside the reference), a table
 * of every figure, the first generations with their prompts, and the measured coverage of the interval method.
 */
public final class DiversityPresenter implements ResultPresenter<DiversityMetric.Params, DiversityMetric.Result> {
    private static final List<String> BAR_FIELDS = List.of("distinct_1", "distinct_2", "distinct_3", "distinct_4",
            "self_bleu_2", "self_bleu_3", "self_bleu_4", "vendi_per_text");
    private static final List<String> BAR_LABELS = List.of("distinct-1", "distinct-2", "distinct-3", "distinct-4", "self-BLEU-2",
            "self-BLEU-3", "self-BLEU-4", "Vendi / n");
    private static final List<String> ENTROPY_FIELDS = List.of("entropy_1", "entropy_2", "entropy_3", "entropy_4");

    @Override
    public void present(DiversityMetric.Params params, DiversityMetric.Result result, AuditResult.Builder out) {
        DiversityMetric.Result r = result;
        if (r.generated().hasIntervals()) CoverageNotes.forMetric("diversity", false).forEach(out::note);
        out.chart(chart("Diversity: generations vs reference" + (r.generated().hasIntervals() ? " (95% intervals)" : ""), "value",
                BAR_LABELS, BAR_FIELDS, r));
        out.chart(chart("n-gram entropy (nats)", "nats", List.of("1-gram", "2-gram", "3-gram", "4-gram"), ENTROPY_FIELDS, r));
        out.table(figuresTable(r.generated(), r.reference()));
        out.table(examplesTable(r.examples()));
    }

    private static Chart chart(String title, String yLabel, List<String> categories, List<String> fields, DiversityMetric.Result r) {
        List<Chart.Series> series = new ArrayList<>();
        series.add(bars("generated", r.generated(), fields));
        if (r.reference() != null) series.add(bars("reference", r.reference(), fields));
        return new Chart(Chart.Type.BAR, title, null, yLabel, categories, series);
    }

    /** One bar per field with its interval as error bar (NaN where a field has none). */
    private static Chart.Series bars(String name, DiversityFigures f, List<String> fields) {
        double[] y = new double[fields.size()], lo = new double[y.length], hi = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = f.figure(fields.get(i));
            Interval c = f.interval(fields.get(i));
            lo[i] = c == null ? Double.NaN : c.low();
            hi[i] = c == null ? Double.NaN : c.high();
        }
        return f.hasIntervals() ? new Chart.Series(name, null, y, lo, hi) : Chart.Series.of(name, null, y);
    }

    /** Every figure with its interval, generations beside the reference. */
    private static Table figuresTable(DiversityFigures gen, DiversityFigures ref) {
        List<String> header = new ArrayList<>(List.of("figure", "generated", "95% CI"));
        if (ref != null) header.addAll(List.of("reference", "95% CI"));
        List<List<String>> rows = new ArrayList<>();
        for (String f : DiversityFigures.FIELDS) {
            List<String> row = new ArrayList<>(List.of(f));
            row.addAll(cells(gen, f));
            if (ref != null) row.addAll(cells(ref, f));
            rows.add(row);
        }
        return new Table("Diversity figures (entropy in nats; self-BLEU: higher = less diverse)", header, rows);
    }

    private static List<String> cells(DiversityFigures f, String field) {
        Interval c = f.interval(field);
        String ci = c == null || Double.isNaN(c.low()) ? "" : "[" + f4(c.low()) + ", " + f4(c.high()) + "]";
        return List.of(f4(f.figure(field)), ci);
    }

    private static Table examplesTable(List<TextSample> examples) {
        List<List<String>> rows = new ArrayList<>();
        for (TextSample t : examples) rows.add(List.of(Long.toString(t.index() + 1), t.prompt() == null ? "" : t.prompt(), t.text()));
        return new Table("Sample generations", List.of("#", "prompt", "generation"), rows);
    }

    private static String f4(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
    }
}
