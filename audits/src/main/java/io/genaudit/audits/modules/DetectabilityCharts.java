package io.genaudit.audits.modules;

import io.genaudit.metrics.detect.DetectabilityMetrics;
import io.genaudit.metrics.detect.DetectabilityStudy;
import io.genaudit.metrics.stats.RocCurve;
import io.genaudit.reports.Chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The charts of a detectability result: ROC curve, mean real vs generated spectra (the fingerprint), robustness curves. */
final class DetectabilityCharts {
    private DetectabilityCharts() {
    }

    /** ROC curve (corners only, scikit-learn's drop_intermediate) with the chance diagonal. */
    static Chart roc(DetectabilityMetrics m, String title) {
        RocCurve r = m.roc().dropIntermediate();
        return new Chart(Chart.Type.LINE, title, "false-positive rate (real flagged)", "true-positive rate (generated caught)", null,
                List.of(Chart.Series.of(String.format(java.util.Locale.ROOT, "detector (AUC %.3f)", m.auc()), r.fpr(), r.tpr()),
                        Chart.Series.of("chance", new double[]{0, 1}, new double[]{0, 1})));
    }

    /** Mean log-power (or log-DCT block) profile of real vs generated images over normalised frequency. */
    static Chart spectra(double[] real, double[] fake, String title, String xLabel, String yLabel) {
        double[] x = new double[real.length];
        for (int i = 0; i < x.length; i++) x[i] = real.length == 1 ? 0 : (double) i / (real.length - 1);
        return new Chart(Chart.Type.LINE, title, xLabel, yLabel, null,
                List.of(Chart.Series.of("real", x, real), Chart.Series.of("generated", x, fake)));
    }

    /** One AUC-vs-strength chart per perturbation family, with bootstrap intervals as error bars. */
    static List<Chart> robustness(List<DetectabilityStudy.RobustnessPoint> points, double cleanAuc) {
        Map<String, List<DetectabilityStudy.RobustnessPoint>> byKind = new LinkedHashMap<>();
        for (var p : points) byKind.computeIfAbsent(p.kind(), k -> new ArrayList<>()).add(p);
        List<Chart> out = new ArrayList<>();
        for (var e : byKind.entrySet()) {
            List<DetectabilityStudy.RobustnessPoint> ps = new ArrayList<>(e.getValue());
            ps.sort((a, b) -> Double.compare(a.strength(), b.strength()));
            int n = ps.size();
            double[] x = new double[n], y = new double[n], lo = new double[n], hi = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = ps.get(i).strength();
                y[i] = ps.get(i).metrics().auc();
                lo[i] = ps.get(i).metrics().aucCi().low();
                hi[i] = ps.get(i).metrics().aucCi().high();
            }
            double[] xs = {x[0], x[n - 1]};
            out.add(new Chart(Chart.Type.LINE, "Detectability under " + e.getKey(), label(e.getKey()), "ROC AUC", null,
                    List.of(new Chart.Series("AUC after " + e.getKey(), x, y, lo, hi),
                            Chart.Series.of("no perturbation", xs, new double[]{cleanAuc, cleanAuc}),
                            Chart.Series.of("chance", xs, new double[]{0.5, 0.5}))));
        }
        return out;
    }

    private static String label(String kind) {
        return switch (kind) {
            case "jpeg" -> "JPEG quality";
            case "downscale" -> "scale factor (down, then back up)";
            case "noise" -> "Gaussian noise sigma ([0,1] scale)";
            default -> kind;
        };
    }
}
