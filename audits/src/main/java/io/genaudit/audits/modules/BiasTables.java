package io.genaudit.audits.modules;

import io.genaudit.metrics.bias.CorrectedFamily;
import io.genaudit.metrics.bias.GroupEffect;
import io.genaudit.reports.Chart;
import io.genaudit.reports.Table;

import java.util.ArrayList;
import java.util.List;

import static io.genaudit.metrics.bias.BiasText.interval;
import static io.genaudit.metrics.bias.BiasText.number;

/**
 * The report parts both bias presenters build from a corrected test family: the table a reviewer reads (group, effect,
 * CI, p, adjusted p, significant?, test) and a bar chart of the effects with their intervals as error bars.
 */
final class BiasTables {
    private BiasTables() {
    }

    /** The corrected-tests table of one family. */
    static Table tests(String title, CorrectedFamily fam) {
        List<List<String>> rows = new ArrayList<>();
        for (GroupEffect g : fam.rows()) {
            rows.add(List.of(g.group(), String.valueOf(g.n()), number(g.effect()), interval(g.ci()), number(g.pValue()), number(g.pAdjusted()),
                    g.significant() ? "yes" : "no", g.test()));
        }
        String effect = fam.rows().isEmpty() ? "" : fam.rows().get(0).effectName();
        return new Table(title + " — effect: " + effect + "; p adjusted by " + fam.method().planName() + ", alpha " + number(fam.alpha()),
                List.of("group", "n", "effect", (int) Math.round((1 - fam.alpha()) * 100) + "% CI", "p", "p adjusted", "significant", "test"), rows);
    }

    /** A bar chart of a family's effects with their intervals as error bars. */
    static Chart bars(String title, String yLabel, CorrectedFamily fam) {
        List<String> cats = fam.rows().stream().map(GroupEffect::group).toList();
        double[] y = fam.rows().stream().mapToDouble(GroupEffect::effect).toArray();
        double[] lo = fam.rows().stream().mapToDouble(g -> g.ci() == null || !Double.isFinite(g.ci().low()) ? g.effect() : g.ci().low()).toArray();
        double[] hi = fam.rows().stream().mapToDouble(g -> g.ci() == null || !Double.isFinite(g.ci().high()) ? g.effect() : g.ci().high()).toArray();
        return new Chart(Chart.Type.BAR, title, "group", yLabel, cats, List.of(new Chart.Series(yLabel, null, y, lo, hi)));
    }
}
