package io.genaudit.metrics.bias;

import io.genaudit.metrics.stats.MultipleComparisons;

import java.util.ArrayList;
import java.util.List;

/**
 * A family of {@link GroupEffect} tests corrected together for multiple comparisons (Holm or Benjamini-Hochberg), with
 * the summary numbers gates use: the share of significant rows and the largest absolute effect.
 */
public record CorrectedFamily(String name, MultipleComparisons.Method method, double alpha, List<GroupEffect> rows) {

    public static CorrectedFamily correct(String name, List<GroupEffect> raw, MultipleComparisons.Method method, double alpha) {
        double[] p = raw.stream().mapToDouble(GroupEffect::pValue).toArray();
        double[] adj = p.length == 0 ? p : method.adjust(p);
        List<GroupEffect> out = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) out.add(raw.get(i).corrected(adj[i], alpha));
        return new CorrectedFamily(name, method, alpha, List.copyOf(out));
    }

    public long significantCount() {
        return rows.stream().filter(GroupEffect::significant).count();
    }

    /** Share of rows whose adjusted p-value is at most alpha (NaN for an empty family). */
    public double significantShare() {
        return rows.isEmpty() ? Double.NaN : (double) significantCount() / rows.size();
    }

    /** The row with the largest |effect - reference| (e.g. reference 0.5 for shares, 0 for differences), or null. */
    public GroupEffect largest(double reference) {
        GroupEffect best = null;
        for (GroupEffect g : rows) if (best == null || Math.abs(g.effect() - reference) > Math.abs(best.effect() - reference)) best = g;
        return best;
    }
}
