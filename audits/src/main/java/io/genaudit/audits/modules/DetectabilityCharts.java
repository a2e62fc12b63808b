package io.genaudit.audits.modules;

import io.genaudit.metrics.detect.DetectabilityMetric;
import io.genaudit.metrics.detect.DetectionSummary;
import io.genaudit.reports.Chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The charts of a detectability result: ROC curve, mean real vs generated spectra (the fingerprint), robustness curves, transfer bars. */
final class DetectabilityCharts {
    private DetectabilityCharts() {
    }

    /** ROC curve (corners only, scikit-learn's drop_intermediate) with the chance diagonal. */
    static Chart roc(DetectabilityMetric.Result r) {
        return new Chart(Chart.Type.LINE, "ROC: real vs " + r.generator(), "false-positive rate (real flagged)", "true-positive rate (generated caught)", null,
                List.of(Chart.Series.of(String.format(Locale.ROOT, "detector (AUC %.3f)", r.auc()), r.rocFpr(), r.rocTpr()),
                        Chart.Series.of("chance", new double[]{0, 1}, new double[]{0, 1})));
    }

    /** Mean azimuthal log-power profile of real vs generated images over normalised frequency. */
    static Chart spectra(double[] real, double[] fake) {
        double[] x = new double[real.length];
        for (int i = 0; i < x.length; i++) x[i] = real.length == 1 ? 0 : (double) i / (real.length - 1);
        return new Chart(Chart.Type.LINE, "Mean azimuthal log power spectrum (generator fingerprint)", "radial frequency (0 = DC, 1 = corner)",
                "mean log power", null, List.of(Chart.Series.of("real", x, real), Chart.Series.of("generated", x, fake)));
    }

    /** One AUC-vs-strength chart per perturbation family, with the AUC intervals as error bars. */
    static List<Chart> robustness(List<DetectabilityMetric.RobustnessPoint> points, double cleanAuc) {
        Map<String, List<DetectabilityMetric.RobustnessPoint>> byKind = new LinkedHashMap<>();
        for (var p : points) byKind.computeIfAbsent(p.perturbation(), k -> new ArrayList<>()).add(p);
        List<Chart> out = new ArrayList<>();
        for (var e : byKind.entrySet()) {
            List<DetectabilityMetric.RobustnessPoint> ps = new ArrayList<>(e.getValue());
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

    /** AUC bars of the transfer test: held-out images of the trained-on generator, then each other generator. */
    static Chart transfer(List<DetectabilityMetric.Transfer> transfers) {
        DetectabilityMetric.Transfer first = transfers.get(0);
        List<String> cats = new ArrayList<>(List.of(first.trainedOn() + " (held out)"));
        List<DetectionSummary> bars = new ArrayList<>(List.of(first.within()));
        for (var t : transfers) {
            cats.add(t.acrossModel());
            bars.add(t.across());
        }
        double[] y = bars.stream().mapToDouble(DetectionSummary::auc).toArray();
        double[] lo = bars.stream().mapToDouble(b -> b.aucCi().low()).toArray();
        double[] hi = bars.stream().mapToDouble(b -> b.aucCi().high()).toArray();
        return new Chart(Chart.Type.BAR, "Cross-generator transfer: detector trained on " + first.trainedOn(), null, "ROC AUC (0.5 = chance)", cats,
                List.of(new Chart.Series("AUC (95% bootstrap interval)", null, y, lo, hi)));
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
