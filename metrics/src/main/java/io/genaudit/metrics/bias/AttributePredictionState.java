package io.genaudit.metrics.bias;

import io.genaudit.metrics.contract.MetricState;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The state of {@code bias-image}: every prediction keyed by condition and image id, and every calibration image's
 * (true, predicted) class by id (the bootstrap resamples them all). Merging is a union of disjoint ids, so any merge
 * order gives the predictions of one pass.
 */
public final class AttributePredictionState implements MetricState<AttributePredictions, AttributePredictionState> {
    private static final long serialVersionUID = 1L;
    private AttributeFacts facts;
    private final TreeMap<Integer, String> conditions = new TreeMap<>();
    private final TreeMap<Integer, TreeMap<Long, Integer>> predictions = new TreeMap<>();
    private final TreeMap<Long, int[]> calibration = new TreeMap<>();

    @Override
    public AttributePredictionState add(AttributePredictions b) {
        agree(b.facts());
        for (int i = 0; i < b.predicted().length; i++) {
            long id = b.firstId() + i;
            if (b.truth() != null) put(calibration, id, new int[]{b.truth()[i], b.predicted()[i]}, "calibration image");
        }
        if (b.truth() == null) {
            label(b.condition(), b.conditionLabel());
            TreeMap<Long, Integer> p = predictions.computeIfAbsent(b.condition(), k -> new TreeMap<>());
            for (int i = 0; i < b.predicted().length; i++) put(p, b.firstId() + i, b.predicted()[i], "image of condition " + b.conditionLabel());
        }
        return this;
    }

    @Override
    public AttributePredictionState merge(AttributePredictionState other) {
        if (other.facts != null) agree(other.facts);
        other.conditions.forEach(this::label);
        other.predictions.forEach((c, p) -> {
            TreeMap<Long, Integer> mine = predictions.computeIfAbsent(c, k -> new TreeMap<>());
            p.forEach((id, v) -> put(mine, id, v, "image of condition " + conditions.get(c)));
        });
        other.calibration.forEach((id, v) -> put(calibration, id, v, "calibration image"));
        return this;
    }

    public AttributeFacts facts() {
        return facts;
    }

    /** The condition labels, in condition order. */
    public List<String> conditionLabels() {
        return new ArrayList<>(conditions.values());
    }

    /** The predictions of each condition, in condition order, each in id order. */
    public List<int[]> conditionPredictions() {
        return predictions.values().stream().map(p -> p.values().stream().mapToInt(Integer::intValue).toArray()).toList();
    }

    /** The calibration images' true and predicted classes in id order, or null without calibration images. */
    public AttributeDistributionProbe.Calibration calibration() {
        if (calibration.isEmpty()) return null;
        int[] truth = calibration.values().stream().mapToInt(v -> v[0]).toArray();
        int[] predicted = calibration.values().stream().mapToInt(v -> v[1]).toArray();
        return new AttributeDistributionProbe.Calibration(truth, predicted);
    }

    private void agree(AttributeFacts f) {
        if (facts == null) facts = f;
        else if (!facts.equals(f)) throw new IllegalStateException("bias-image batches with different attributes, classes or targets: " + facts + " and " + f);
    }

    private void label(int condition, String label) {
        String had = conditions.putIfAbsent(condition, label);
        if (had != null && !had.equals(label)) throw new IllegalStateException("condition " + condition + " named both '" + had + "' and '" + label + "'");
    }

    private static <V> void put(TreeMap<Long, V> map, long id, V v, String what) {
        if (map.putIfAbsent(id, v) != null) throw new IllegalStateException("bias-image " + what + " " + id + " given twice");
    }
}
