package io.genaudit.audits.modules;

import io.genaudit.metrics.detect.DetectabilityMetrics;
import io.genaudit.metrics.detect.DetectabilityStudy;
import io.genaudit.metrics.detect.DetectabilitySummary;
import io.genaudit.reports.Chart;
import io.genaudit.reports.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a detectability result shows cross-generator transfer (a detector trained on one generator, tested on others):
 * {@code details.cross_generator} (one entry per other generator), a table, an AUC bar chart with intervals and a
 * one-sentence note per other generator, since transfer is where published detectors fail.
 */
final class DetectabilityCrossGenerator {
    private DetectabilityCrossGenerator() {
    }

    /** Adds the transfer results of the detector trained on {@code model} to the result parts. */
    static void report(List<Map.Entry<String, DetectabilityStudy.CrossGenerator>> transfers, String model, Map<String, Object> details,
                       List<Table> tables, List<Chart> charts, List<String> notes) {
        List<Map<String, Object>> out = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        DetectabilityStudy.CrossGenerator first = transfers.get(0).getValue();
        rows.add(row(model, model, first.within(), "", ""));
        List<String> cats = new ArrayList<>(List.of(model + " (held out)"));
        List<Double> y = new ArrayList<>(List.of(first.within().auc()));
        List<Double> lo = new ArrayList<>(List.of(first.within().aucCi().low()));
        List<Double> hi = new ArrayList<>(List.of(first.within().aucCi().high()));
        for (var e : transfers) {
            String other = e.getKey();
            DetectabilityStudy.CrossGenerator cg = e.getValue();
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("trained_on", model);
            d.put("n_train_real", cg.nTrainReal());
            d.put("n_train_generated", cg.nTrainFake());
            d.put("within", DetectabilitySummary.of(cg.within()));
            d.put("across_model", other);
            d.put("across", DetectabilitySummary.of(cg.across()));
            d.put("auc_difference", cg.comparison().difference());
            d.put("delong_p", cg.comparison().pValue());
            out.add(d);
            rows.add(row(model, other, cg.across(), f3(-cg.comparison().difference()), String.format(Locale.ROOT, "%.3g", cg.comparison().pValue())));
            cats.add(other);
            y.add(cg.across().auc());
            lo.add(cg.across().aucCi().low());
            hi.add(cg.across().aucCi().high());
            notes.add(String.format(Locale.ROOT, "Cross-generator: a detector trained on real vs %s images reaches AUC %.3f on held-out %s images "
                            + "and %.3f on %s images (change %+.3f, DeLong p = %.3g): %s", model, cg.within().auc(), model, cg.across().auc(), other,
                    -cg.comparison().difference(), cg.comparison().pValue(), verdict(cg)));
        }
        details.put("cross_generator", out);
        tables.add(new Table(String.format(Locale.ROOT, "Cross-generator transfer: detector trained on half of the real images + half of %s's, "
                + "tested on the other real half against each generator", model),
                List.of("trained on", "tested on", "AUC", "95% CI", "AP", "EER", "TPR at 1% FPR", "n real", "n generated", "AUC change", "DeLong p"), rows));
        charts.add(new Chart(Chart.Type.BAR, "Cross-generator transfer: detector trained on " + model, null, "ROC AUC (0.5 = chance)", cats,
                List.of(new Chart.Series("AUC (95% bootstrap interval)", null, unbox(y), unbox(lo), unbox(hi)))));
    }

    private static String verdict(DetectabilityStudy.CrossGenerator cg) {
        boolean dropped = cg.comparison().pValue() < 0.05 && cg.comparison().difference() > 0;
        return dropped ? "the detector does not transfer fully; test each generator with its own detector."
                : "no significant loss when the generator changes.";
    }

    private static List<String> row(String trained, String tested, DetectabilityMetrics m, String change, String p) {
        return List.of(trained, tested, f3(m.auc()), "[" + f3(m.aucCi().low()) + ", " + f3(m.aucCi().high()) + "]", f3(m.ap()), f3(m.eer()),
                f3(m.roc().tprAtFpr(0.01)), String.valueOf(m.nReal()), String.valueOf(m.nFake()), change, p);
    }

    private static double[] unbox(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String f3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
