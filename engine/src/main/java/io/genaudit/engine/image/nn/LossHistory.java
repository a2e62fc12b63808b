package io.genaudit.engine.image.nn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Named loss series recorded during training: one value per optimisation step and the mean per epoch (e.g.
 * {@code lossD}, {@code lossG} for a GAN; {@code loss}, {@code reconstruction}, {@code kl} for a VAE). Saved in
 * checkpoints and model.json so curves can be redrawn and a resumed run continues the same series.
 */
public final class LossHistory {
    private final Map<String, List<Double>> perStep = new LinkedHashMap<>();
    private final Map<String, List<Double>> perEpoch = new LinkedHashMap<>();
    private final Map<String, double[]> epochSum = new LinkedHashMap<>();

    public LossHistory(List<String> names) {
        for (String n : names) {
            perStep.put(n, new ArrayList<>());
            perEpoch.put(n, new ArrayList<>());
        }
    }

    /** Rebuilds a history from its saved form. */
    @SuppressWarnings("unchecked")
    public static LossHistory fromMap(Map<String, Object> saved) {
        Map<String, List<Number>> steps = (Map<String, List<Number>>) saved.get("perStep");
        Map<String, List<Number>> epochs = (Map<String, List<Number>>) saved.get("perEpoch");
        LossHistory h = new LossHistory(new ArrayList<>(steps.keySet()));
        steps.forEach((k, v) -> v.forEach(x -> h.perStep.get(k).add(x.doubleValue())));
        epochs.forEach((k, v) -> v.forEach(x -> h.perEpoch.get(k).add(x.doubleValue())));
        return h;
    }

    public void step(String name, double value) {
        perStep.get(name).add(value);
        double[] s = epochSum.computeIfAbsent(name, k -> new double[2]);
        s[0] += value;
        s[1]++;
    }

    /** Closes an epoch: appends each series' mean over the epoch's steps. */
    public void endEpoch() {
        for (String n : perStep.keySet()) {
            double[] s = epochSum.getOrDefault(n, new double[]{Double.NaN, 1});
            perEpoch.get(n).add(s[0] / s[1]);
        }
        epochSum.clear();
    }

    public Map<String, List<Double>> perStep() {
        return perStep;
    }

    public Map<String, List<Double>> perEpoch() {
        return perEpoch;
    }

    /** The last epoch mean of each series. */
    public Map<String, Double> last() {
        Map<String, Double> m = new LinkedHashMap<>();
        perEpoch.forEach((k, v) -> m.put(k, v.isEmpty() ? Double.NaN : v.get(v.size() - 1)));
        return m;
    }

    public Map<String, Object> toMap() {
        return Map.of("perStep", perStep, "perEpoch", perEpoch);
    }
}
