package io.genaudit.audits.compare;

import io.genaudit.metrics.stats.MultipleComparisons;
import io.genaudit.reports.AuditResult;
import io.genaudit.reports.Chart;
import io.genaudit.values.Interval;
import io.genaudit.reports.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares the results of one audit across models (side by side, best marked) and between every pair of models
 * (difference, interval, test), with Holm's correction across all pairwise comparisons made together.
 */
public final class ModelComparison {
    private final DifferenceEstimator estimator;
    private final double alpha;

    public ModelComparison(DifferenceEstimator estimator, double alpha) {
        this.estimator = estimator;
        this.alpha = alpha;
    }

    /** A labelled result: which run or model it came from. */
    public record Labelled(String label, AuditResult result) {
    }

    /** Every pairwise difference within each group, Holm-adjusted across all of them. */
    public List<Difference> differences(Map<String, List<Labelled>> groups) {
        List<Difference> raw = new ArrayList<>();
        for (List<Labelled> g : groups.values()) {
            for (int i = 0; i < g.size(); i++) {
                for (int j = i + 1; j < g.size(); j++) {
                    Difference d = estimator.estimate(g.get(i).result(), g.get(j).result());
                    raw.add(new Difference(d.audit(), d.metric(), g.get(i).label(), g.get(j).label(), d.valueA(), d.valueB(),
                            d.difference(), d.ci(), d.pValue(), d.pAdjusted(), d.method()));
                }
            }
        }
        double[] p = raw.stream().mapToDouble(d -> Double.isNaN(d.pValue()) ? 1.0 : d.pValue()).toArray();
        double[] adj = p.length == 0 ? p : MultipleComparisons.holm(p);
        List<Difference> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            out.add(raw.get(i).withAdjusted(Double.isNaN(raw.get(i).pValue()) ? Double.NaN : adj[i]));
        }
        return out;
    }

    /** One result per audit group: the side-by-side table, a bar chart with intervals, and the pairwise tests. */
    public List<AuditResult> asResults(Map<String, List<Labelled>> groups, List<Difference> diffs) {
        List<AuditResult> out = new ArrayList<>();
        for (var e : groups.entrySet()) {
            List<Labelled> g = e.getValue();
            AuditResult first = g.get(0).result();
            Boolean hib = io.genaudit.audits.registry.Registry.higherIsBetter(first.metric());
            int best = bestIndex(g, hib);
            List<List<String>> rows = new ArrayList<>();
            double[] y = new double[g.size()];
            double[] lo = new double[g.size()];
            double[] hi = new double[g.size()];
            List<String> cats = new ArrayList<>();
            for (int i = 0; i < g.size(); i++) {
                AuditResult r = g.get(i).result();
                y[i] = r.value() == null ? Double.NaN : r.value();
                lo[i] = r.ci() == null ? y[i] : r.ci().low();
                hi[i] = r.ci() == null ? y[i] : r.ci().high();
                cats.add(g.get(i).label());
                rows.add(List.of(g.get(i).label() + (i == best ? " ★ best" : ""), fmt(y[i]),
                        r.ci() == null ? "-" : fmt(r.ci().low()) + " to " + fmt(r.ci().high()),
                        r.n() == null ? "-" : String.valueOf(r.n())));
            }
            List<List<String>> testRows = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            Difference headline = null;
            for (Difference d : diffs) {
                if (!d.audit().equals(first.id()) || !cats.contains(d.modelA()) || !cats.contains(d.modelB())) continue;
                if (headline == null) headline = d;
                boolean sig = d.significant(alpha);
                testRows.add(List.of(d.modelB() + " − " + d.modelA(), fmt(d.difference()),
                        Double.isNaN(d.ci().low()) ? "-" : fmt(d.ci().low()) + " to " + fmt(d.ci().high()),
                        pfmt(d.pValue()), pfmt(d.pAdjusted()), sig ? "yes" : "no", d.method()));
                notes.add(sentence(d, hib, sig));
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("models", cats);
            details.put("best", best < 0 ? null : cats.get(best));
            details.put("alpha", alpha);
            Chart chart = new Chart(Chart.Type.BAR, first.metric() + " by model (with intervals)", "model", first.metric(), cats,
                    List.of(new Chart.Series(first.metric(), null, y, lo, hi)));
            Interval ci = headline == null || Double.isNaN(headline.ci().low()) ? null
                    : headline.ci().withMethod(headline.method());
            out.add(new AuditResult("compare:" + e.getKey(), first.metric(), String.join(" vs ", cats), first.dataset(),
                    headline == null ? null : headline.difference(), "difference", ci, first.n(), first.settings(), null, details,
                    List.of(chart), List.of(),
                    List.of(new Table("Side by side", List.of("model", "value", "interval", "n"), rows),
                            new Table("Pairwise differences (Holm-adjusted)", List.of("difference", "estimate", "interval",
                                    "p", "p (Holm)", "significant", "method"), testRows)),
                    notes));
        }
        return out;
    }

    static int bestIndex(List<Labelled> g, Boolean higherIsBetter) {
        if (higherIsBetter == null) return -1;
        int best = -1;
        for (int i = 0; i < g.size(); i++) {
            Double v = g.get(i).result().value();
            if (v == null || v.isNaN()) continue;
            if (best < 0) {
                best = i;
                continue;
            }
            double b = g.get(best).result().value();
            if (higherIsBetter ? v > b : v < b) best = i;
        }
        return best;
    }

    static String sentence(Difference d, Boolean hib, boolean sig) {
        String dir = "";
        if (hib != null && d.difference() != 0) {
            boolean bBetter = hib == (d.difference() > 0);
            dir = (bBetter ? d.modelB() : d.modelA()) + " is better";
        }
        if (Double.isNaN(d.pValue())) return d.metric() + ": " + d.modelB() + " vs " + d.modelA() + ": " + d.method() + ".";
        return String.format(Locale.ROOT, "%s: %s − %s = %s (%s); %s (Holm-adjusted p = %s).", d.metric(), d.modelB(),
                d.modelA(), fmt(d.difference()), d.method(),
                sig ? "a real difference" + (dir.isEmpty() ? "" : ": " + dir) : "not distinguishable from noise",
                pfmt(d.pAdjusted()));
    }

    static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.5g", v);
    }

    static String pfmt(double p) {
        if (Double.isNaN(p)) return "-";
        return p < 1e-4 ? "< 0.0001" : String.format(Locale.ROOT, "%.4f", p);
    }
}
