package io.genaudit.audits.compare;

import io.genaudit.reports.AuditResult;
import io.genaudit.reports.Chart;
import io.genaudit.reports.RunRecord;

import java.util.ArrayList;
import java.util.List;

/** Adds to each result of a new run a trend chart of the same metric and model across the runs already stored. */
public final class TrendCharts {
    private TrendCharts() {
    }

    public static RunRecord addHistory(RunRecord rec, RunStore store) {
        List<AuditResult> out = new ArrayList<>();
        for (AuditResult r : rec.audits()) {
            List<HistoryEntry> h = new ArrayList<>(store.history(r.metric(), r.model()));
            h.removeIf(e -> !e.auditId().equals(r.id()));
            if (h.isEmpty() || r.value() == null) {
                out.add(r);
                continue;
            }
            h.add(new HistoryEntry("(this run)", rec.provenance().startedAt(), rec.planName(), rec.provenance().planSha256(),
                    r.id(), r.metric(), r.model(), null, r.value(), r.ci() == null ? null : r.ci().low(),
                    r.ci() == null ? null : r.ci().high(), r.n(), rec.verdict()));
            out.add(r.toBuilder().chart(TrendReport.trendChart(r.metric(), h)).build());
        }
        return new RunRecord(rec.schemaVersion(), rec.title(), rec.planName(), rec.verdict(), rec.models(), out, rec.provenance(),
                rec.execution());
    }
}
