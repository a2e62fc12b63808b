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
}
