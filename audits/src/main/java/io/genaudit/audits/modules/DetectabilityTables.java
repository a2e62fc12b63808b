package io.genaudit.audits.modules;

import io.genaudit.metrics.detect.DetectabilityMetric;
import io.genaudit.metrics.detect.DetectionSummary;
import io.genaudit.reports.Table;
import io.genaudit.values.Interval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The tables of a detectability result: headline error rates, the robustness sweep and the cross-generator transfer. */
final class DetectabilityTables {
    private DetectabilityTables() {
    }

    static Table headline(DetectabilityMetric.Result r) {
        return new Table("Detectability (generated = positive class)", List.of("metric", "value", "95% CI", "how"), List.of(
                List.of("ROC AUC", f3(r.auc()), range(r.ci()), r.ci().method()),
                List.of("ROC AUC (DeLong)", f3(r.auc()), range(r.aucDelongCi()), r.aucDelongCi().method()),
                List.of("average precision", f3(r.ap()), "", "scikit-learn definition"),
                List.of("equal error rate", f3(r.eer()), "", "FPR where |FNR - FPR| is smallest"),
                List.of("accuracy at EER threshold", f3(r.accuracyAtEer()), "", "threshold " + f3(r.eerThreshold())),
                List.of("TPR at 1% FPR", f3(r.tprAt_1pctFpr()), "", "best operating point with FPR <= 1%"),
                List.of("n real / n generated", r.nReal() + " / " + r.nFake(), "", "")));
    }

    static Table robustness(List<DetectabilityMetric.RobustnessPoint> pts) {
        List<List<String>> rows = new ArrayList<>();
        for (var p : pts) {
            DetectionSummary m = p.metrics();
            rows.add(List.of(p.perturbation(), String.valueOf(p.strength()), f3(m.auc()), range(m.aucCi()), f3(m.ap()), f3(m.eer()), f3(m.tprAt_1pctFpr())));
        }
        return new Table("Robustness (perturbation applied to real and generated images alike)",
                List.of("perturbation", "strength", "AUC", "95% CI", "AP", "EER", "TPR at 1% FPR"), rows);
    }

    static Table transfer(List<DetectabilityMetric.Transfer> transfers) {
        DetectabilityMetric.Transfer first = transfers.get(0);
        List<List<String>> rows = new ArrayList<>();
        rows.add(transferRow(first.trainedOn(), first.trainedOn(), first.within(), "", ""));
        for (var t : transfers) {
            rows.add(transferRow(t.trainedOn(), t.acrossModel(), t.across(), f3(-t.aucDifference()), String.format(Locale.ROOT, "%.3g", t.delongP())));
        }
        return new Table(String.format(Locale.ROOT, "Cross-generator transfer: detector trained on half of the real images + half of %s's, "
                + "tested on the other real half against each generator", first.trainedOn()),
                List.of("trained on", "tested on", "AUC", "95% CI", "AP", "EER", "TPR at 1% FPR", "n real", "n generated", "AUC change", "DeLong p"), rows);
    }

    /** One sentence per other generator, since transfer is where published detectors fail. */
    static String transferNote(DetectabilityMetric.Transfer t) {
        boolean dropped = t.delongP() < 0.05 && t.aucDifference() > 0;
        return String.format(Locale.ROOT, "Cross-generator: a detector trained on real vs %s images reaches AUC %.3f on held-out %s images "
                        + "and %.3f on %s images (change %+.3f, DeLong p = %.3g): %s", t.trainedOn(), t.within().auc(), t.trainedOn(), t.across().auc(),
                t.acrossModel(), -t.aucDifference(), t.delongP(), dropped ? "the detector does not transfer fully; test each generator with its own detector."
                        : "no significant loss when the generator changes.");
    }

    private static List<String> transferRow(String trained, String tested, DetectionSummary m, String change, String p) {
        return List.of(trained, tested, f3(m.auc()), range(m.aucCi()), f3(m.ap()), f3(m.eer()), f3(m.tprAt_1pctFpr()),
                String.valueOf(m.nReal()), String.valueOf(m.nFake()), change, p);
    }

    private static String range(Interval ci) {
        return "[" + f3(ci.low()) + ", " + f3(ci.high()) + "]";
    }

    static String f3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
