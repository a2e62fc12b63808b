package io.genaudit.reports;

import io.genaudit.values.Interval;

import java.util.List;
import java.util.Map;

/**
 * One audit's result in the run record: what was measured on which model and data, its value and uncertainty, the
 * gate verdict, and metric-specific details, charts, figures and tables for the report.
 *
 * @param id       unique within the run (from the plan)
 * @param metric   the metric name, e.g. {@code perplexity}, {@code fid}
 * @param model    the model id audited
 * @param dataset  the dataset id(s) it was computed on
 * @param value    the headline number (null when the audit has none)
 * @param unit     optional unit ("nats", "J", "%")
 * @param ci       confidence interval of {@code value}, or null
 * @param n        the sample size behind {@code value} (tokens, images, pairs)
 * @param settings every setting that changes the number (context length, k, feature extractor...)
 * @param gate     the gate verdict, or null when not gated
 * @param details  metric-specific numbers (secondary values, per-group results); plain JSON values
 * @param notes    plain-language caveats shown with the result (e.g. "not comparable with published FIDs")
 */
public record AuditResult(
        String id,
        String metric,
        String model,
        String dataset,
        Double value,
        String unit,
        Interval ci,
        Long n,
        Map<String, Object> settings,
        GateOutcome gate,
        Map<String, Object> details,
        List<Chart> charts,
        List<Figure> figures,
        List<Table> tables,
        List<String> notes) {

    public AuditResult {
        settings = settings == null ? Map.of() : settings;
        details = details == null ? Map.of() : details;
        charts = charts == null ? List.of() : List.copyOf(charts);
        figures = figures == null ? List.of() : List.copyOf(figures);
        tables = tables == null ? List.of() : List.copyOf(tables);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** The same result with a gate verdict attached. */
    public AuditResult withGate(GateOutcome g) {
        return new AuditResult(id, metric, model, dataset, value, unit, ci, n, settings, g, details, charts, figures, tables, notes);
    }

    /** A builder for a result of audit {@code id} of {@code metric}; everything else is optional. */
    public static Builder builder(String id, String metric) {
        return new Builder(id, metric);
    }

    /** A builder starting from this result. */
    public Builder toBuilder() {
        Builder b = new Builder(id, metric).model(model).dataset(dataset).value(value).unit(unit).ci(ci).n(n)
                .settings(settings).gate(gate).details(details);
        charts.forEach(b::chart);
        figures.forEach(b::figure);
        tables.forEach(b::table);
        notes.forEach(b::note);
        return b;
    }

    /** Builds an {@link AuditResult} field by field, so callers name what they set instead of passing 15 positions. */
    public static final class Builder {
        private final String id;
        private final String metric;
        private String model;
        private String dataset;
        private Double value;
        private String unit;
        private Interval ci;
        private Long n;
        private final Map<String, Object> settings = new java.util.LinkedHashMap<>();
        private GateOutcome gate;
        private final Map<String, Object> details = new java.util.LinkedHashMap<>();
        private final List<Chart> charts = new java.util.ArrayList<>();
        private final List<Figure> figures = new java.util.ArrayList<>();
        private final List<Table> tables = new java.util.ArrayList<>();
        private final List<String> notes = new java.util.ArrayList<>();

        private Builder(String id, String metric) {
            this.id = id;
            this.metric = metric;
        }

        public Builder model(String m) { model = m; return this; }

        public Builder dataset(String d) { dataset = d; return this; }

        public Builder value(Double v) { value = v; return this; }

        public Builder unit(String u) { unit = u; return this; }

        public Builder ci(Interval c) { ci = c; return this; }

        public Builder n(Long count) { n = count; return this; }

        public Builder gate(GateOutcome g) { gate = g; return this; }

        /** Adds every entry of {@code s} to the settings. */
        public Builder settings(Map<String, Object> s) { if (s != null) settings.putAll(s); return this; }

        public Builder setting(String key, Object v) { settings.put(key, v); return this; }

        /** Adds every entry of {@code d} to the details. */
        public Builder details(Map<String, Object> d) { if (d != null) details.putAll(d); return this; }

        public Builder detail(String key, Object v) { details.put(key, v); return this; }

        public Builder chart(Chart c) { charts.add(c); return this; }

        public Builder figure(Figure f) { figures.add(f); return this; }

        public Builder table(Table t) { tables.add(t); return this; }

        public Builder note(String text) { notes.add(text); return this; }

        public AuditResult build() {
            return new AuditResult(id, metric, model, dataset, value, unit, ci, n, settings, gate, details, charts, figures, tables, notes);
        }
    }
}
