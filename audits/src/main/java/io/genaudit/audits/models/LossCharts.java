package io.genaudit.audits.models;

import io.genaudit.reports.Chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The training-loss chart of a built-in image model: one line per loss series (per step and epoch means) from model.json. */
final class LossCharts {
    private LossCharts() {
    }

    @SuppressWarnings("unchecked")
    static List<Chart> of(Map<String, Object> json) {
        Map<String, Object> h = (Map<String, Object>) json.get("history");
        if (h == null) return List.of();
        Map<String, List<Number>> steps = (Map<String, List<Number>>) h.get("perStep");
        Map<String, List<Number>> epochs = (Map<String, List<Number>>) h.get("perEpoch");
        List<Chart.Series> series = new ArrayList<>();
        for (var e : steps.entrySet()) {
            List<Number> v = e.getValue();
            double[] x = new double[v.size()], y = new double[v.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = i + 1;
                y[i] = v.get(i).doubleValue();
            }
            series.add(Chart.Series.of(e.getKey() + " (per step)", x, y));
            List<Number> ep = epochs.get(e.getKey());
            if (ep != null && !ep.isEmpty()) {
                double per = v.size() / (double) ep.size();
                double[] ex = new double[ep.size()], ey = new double[ep.size()];
                for (int i = 0; i < ex.length; i++) {
                    ex[i] = Math.round((i + 1) * per);
                    ey[i] = ep.get(i).doubleValue();
                }
                series.add(Chart.Series.of(e.getKey() + " (epoch mean)", ex, ey));
            }
        }
        String arch = String.valueOf(json.get("architecture"));
        String unit = arch.equals("vae") ? "nats per image" : arch.equals("dcgan") ? "BCE" : "cross-entropy";
        return List.of(new Chart(Chart.Type.LINE, "Training losses (" + arch + ", seed " + json.get("seed") + ")",
                "optimizer step", unit, List.of(), series));
    }
}
