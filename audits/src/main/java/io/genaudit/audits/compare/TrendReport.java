package io.genaudit.audits.compare;

import io.genaudit.reports.AuditResult;
import io.genaudit.reports.Chart;
import io.genaudit.values.Interval;
import io.genaudit.reports.Provenance;
import io.genaudit.reports.RunRecord;
import io.genaudit.reports.Table;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns stored history into a trend chart (value and interval per run, one series per model) and a report. */
public final class TrendReport {
    private TrendReport() {
    }

    /** A LINE chart of the metric across stored runs: x = run number, one series per model, error bars from intervals. */
    public static Chart trendChart(String metric, List<HistoryEntry> history) {
        Map<String, List<HistoryEntry>> byModel = new LinkedHashMap<>();
        for (HistoryEntry e : history) byModel.computeIfAbsent(e.model(), k -> new ArrayList<>()).add(e);
        List<Chart.Series> series = new ArrayList<>();
        for (var en : byModel.entrySet()) {
            List<HistoryEntry> es = en.getValue();
            double[] x = new double[es.size()];
            double[] y = new double[es.size()];
            double[] lo = new double[es.size()];
            double[] hi = new double[es.size()];
            for (int i = 0; i < es.size(); i++) {
                HistoryEntry e = es.get(i);
                x[i] = history.indexOf(e) + 1;
                y[i] = e.value() == null ? Double.NaN : e.value();
                lo[i] = e.low() == null ? y[i] : e.low();
                hi[i] = e.high() == null ? y[i] : e.high();
            }
            series.add(new Chart.Series(en.getKey(), x, y, lo, hi));
        }
        return new Chart(Chart.Type.LINE, metric + " across stored runs", "run (oldest first)", metric, null, series);
    }

    /** The history as a run record with one result, so the standard HTML renderer draws it. */
    public static RunRecord asRecord(String metric, String model, List<HistoryEntry> h) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < h.size(); i++) {
            HistoryEntry e = h.get(i);
            rows.add(List.of(String.valueOf(i + 1), e.startedAt(), e.plan(), e.auditId(), e.model(),
                    e.value() == null ? "-" : String.format(Locale.ROOT, "%.5g", e.value()),
                    e.low() == null ? "-" : String.format(Locale.ROOT, "%.5g to %.5g", e.low(), e.high()), e.verdict()));
        }
        HistoryEntry last = h.get(h.size() - 1);
        AuditResult r = new AuditResult("history-" + metric, metric, model == null ? "all models" : model, null, last.value(),
                null, last.low() == null ? null : new Interval(0.95, last.low(), last.high(), "as stored",
                        "as stated in the latest stored run's record"), last.n(),
                Map.of("runs", h.size()), null, Map.of(), List.of(trendChart(metric, h)), List.of(),
                List.of(new Table("Stored runs", List.of("#", "started", "plan", "audit", "model", "value", "interval", "verdict"), rows)),
                List.of("The headline value is the latest stored run's."));
        Provenance p = new Provenance(io.genaudit.audits.GenauditVersion.get(), null, null, 0, List.of(), Map.of(),
                System.getProperty("java.version"), System.getProperty("os.name"), null, Runtime.getRuntime().availableProcessors(),
                null, null, Instant.now().toString(), 0, List.of(), Map.of());
        return new RunRecord(RunRecord.SCHEMA_VERSION, "History of " + metric, "history", "PASS", List.of(), List.of(r), p);
    }

    public static void write(String metric, String model, List<HistoryEntry> h, Path out) throws Exception {
        io.genaudit.reports.html.HtmlReportRenderer.write(asRecord(metric, model, h), out);
    }
}
