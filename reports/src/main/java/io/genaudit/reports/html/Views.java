package io.genaudit.reports.html;

import java.util.List;

/**
 * The view model of the HTML report: every value already formatted as display text, so the Thymeleaf templates only
 * lay things out. The pieces (overview row, audit section, chart) are independent so a comparison report can reuse them.
 */
public final class Views {
    private Views() {
    }

    /** A label and its display value. */
    public record KeyValue(String key, String value) {
    }

    /** A headline figure shown as a tile: label, value, and an optional note under it (a range, a caveat). */
    public record Tile(String key, String value, String note) {
    }

    /** A chart rendered to an inline SVG element by {@link io.genaudit.reports.chart.SvgCharts} (trusted markup). */
    public record ChartView(String title, String svg) {
    }

    /** An image; {@code dataUri} is null when the figure was unusable, and {@code problem} then says why. */
    public record FigureView(String title, String caption, String dataUri, String problem) {
    }

    /** A table of plain strings. */
    public record TableView(String title, List<String> columns, List<List<String>> rows) {
    }

    /** A gate: the condition in symbols ("value ≤ 40"), the verdict, and the evaluator's sentence. */
    public record GateView(String condition, boolean passed, String verdict, String explanation) {
    }

    /** One row of the overview table; {@code verdictClass} is {@code pass}, {@code fail} or {@code none}. */
    public record OverviewRow(String anchor, String id, String model, String metric, String dataset, String value,
                              String ci, String n, String gate, String verdict, String verdictClass) {
    }

    /** One audit's section. */
    public record AuditView(String anchor, String id, String metric, String model, String dataset, String value,
                            String unit, String ci, String ciLevel, String ciMethod, String ciEstimand, String n, String verdict,
                            String verdictClass, GateView gate, List<KeyValue> settings, List<KeyValue> details,
                            List<ChartView> charts, List<FigureView> figures, List<TableView> tables, List<String> notes) {
    }

    /** A model audited in the run. */
    public record ModelView(String anchor, String id, String type, String description, String sha256,
                            List<KeyValue> info, List<ChartView> charts, List<FigureView> figures) {
    }

    /** One phase in the energy and cost table. */
    public record PhaseRow(String name, String kind, String model, String start, String wall, String cpu, String energy,
                           String energyRange, String method, String methodClass, String co2, String co2Range,
                           String units) {
    }

    /** Energy and cost: totals, the per-phase table and chart, and the assumptions behind estimates. */
    public record EnergyView(List<Tile> totals, List<PhaseRow> phases, ChartView chart, List<KeyValue> assumptions) {
    }

    /** Where the numbers came from; {@code execution}: the distributed run's engine, master, versions and merges (empty for one JVM). */
    public record ProvenanceView(List<KeyValue> facts, List<KeyValue> execution, List<TableView> tables) {
    }

    /** Headline counts shown as tiles at the top of the report. */
    public record Summary(int audits, int gated, int passed, int failed, String wall, String energy, String energyNote) {
    }

    /** The whole report. */
    public record ReportView(String title, String planName, String verdict, String verdictClass, String date,
                             String version, String seed, Summary summary, List<OverviewRow> overview,
                             List<AuditView> audits, List<ModelView> models, EnergyView energy,
                             ProvenanceView provenance) {
    }
}
