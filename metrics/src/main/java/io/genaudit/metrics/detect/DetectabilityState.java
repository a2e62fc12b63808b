package io.genaudit.metrics.detect;

import io.genaudit.metrics.contract.MetricState;
import io.genaudit.metrics.detect.DetectionInput.Label;
import io.genaudit.metrics.detect.DetectionInput.LabelledScore;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What {@code detectability} accumulates: every labelled score of every score set, keyed by (set, label, item) so
 * shards merge in any order (AUC, AP, EER and the bootstrap need all items), the class sums of the spectrum profile,
 * and the mark findings keyed by file name and by edit. An item arriving twice with the same score is kept once; with
 * a different score it is a bug upstream.
 */
public final class DetectabilityState implements MetricState<DetectionInput, DetectabilityState> {
    private final TreeMap<ScoreSet, TreeMap<Long, LabelledScore>> scores = new TreeMap<>();
    private final double[][] spectrumSums = new double[2][];
    private final long[] spectrumCounts = new long[2];
    private final TreeMap<String, MarkedFile> markedFiles = new TreeMap<>();
    private final TreeMap<String, MarkRobustness> markEdits = new TreeMap<>();
    private final TreeMap<String, Integer> editOrder = new TreeMap<>();

    /** Adds one batch. */
    public DetectabilityState add(DetectionInput batch) {
        switch (batch) {
            case DetectionInput.Scores s -> {
                TreeMap<Long, LabelledScore> set = scores.computeIfAbsent(s.set(), k -> new TreeMap<>());
                for (LabelledScore item : s.items()) keep(set, item, s.set());
            }
            case DetectionInput.SpectrumSums sp -> addSpectrum(sp.label().ordinal(), sp.sum(), sp.count());
            case DetectionInput.Marks m -> {
                for (MarkedFile f : m.files()) same(markedFiles.putIfAbsent(f.file(), f), f, "file " + f.file());
                for (int i = 0; i < m.edits().size(); i++) {
                    MarkRobustness e = m.edits().get(i);
                    same(markEdits.putIfAbsent(e.edit(), e), e, "edit " + e.edit());
                    editOrder.putIfAbsent(e.edit(), i);
                }
            }
        }
        return this;
    }

    /** Adds {@code other}'s contents to this state. */
    public DetectabilityState merge(DetectabilityState other) {
        other.scores.forEach((set, items) -> {
            TreeMap<Long, LabelledScore> mine = scores.computeIfAbsent(set, k -> new TreeMap<>());
            for (LabelledScore item : items.values()) keep(mine, item, set);
        });
        for (int c = 0; c < 2; c++) if (other.spectrumSums[c] != null) addSpectrum(c, other.spectrumSums[c], other.spectrumCounts[c]);
        other.markedFiles.forEach((k, f) -> same(markedFiles.putIfAbsent(k, f), f, "file " + k));
        other.markEdits.forEach((k, e) -> same(markEdits.putIfAbsent(k, e), e, "edit " + k));
        other.editOrder.forEach(editOrder::putIfAbsent);
        return this;
    }

    private static void keep(TreeMap<Long, LabelledScore> set, LabelledScore item, ScoreSet where) {
        long key = ((long) item.label().ordinal() << 48) | item.item();
        LabelledScore before = set.putIfAbsent(key, item);
        if (before != null && Double.compare(before.score(), item.score()) != 0) {
            throw new IllegalStateException(item.label() + " item " + item.item() + " of " + where + " scored twice, differently");
        }
    }

    private static void same(Object before, Object now, String what) {
        if (before != null && !before.equals(now)) throw new IllegalStateException(what + " surveyed twice with different findings");
    }

    private void addSpectrum(int c, double[] sum, long count) {
        if (spectrumSums[c] == null) {
            spectrumSums[c] = sum.clone();
        } else {
            if (spectrumSums[c].length != sum.length) throw new IllegalStateException("spectrum profiles of different lengths");
            for (int i = 0; i < sum.length; i++) spectrumSums[c][i] += sum[i];
        }
        spectrumCounts[c] += count;
    }

    /** The score sets, in role and plan order. */
    public Map<ScoreSet, TreeMap<Long, LabelledScore>> scoreSets() {
        return scores;
    }

    /** The headline set, or null when none arrived. */
    public ScoreSet headline() {
        for (ScoreSet s : scores.keySet()) if (s.role() == ScoreSet.Role.HEADLINE) return s;
        return null;
    }

    /** Scores of {@code set}, real images first, each class in item order (the order the scores were produced in). */
    public double[] scores(ScoreSet set) {
        return scores.get(set).values().stream().mapToDouble(LabelledScore::score).toArray();
    }

    /** 0/1 labels (1 = generated) of {@link #scores}. */
    public int[] labels(ScoreSet set) {
        return scores.get(set).values().stream().mapToInt(s -> s.label() == Label.GENERATED ? 1 : 0).toArray();
    }

    /** Scores of one class of {@code set}. */
    public double[] scores(ScoreSet set, Label label) {
        return scores.get(set).values().stream().filter(s -> s.label() == label).mapToDouble(LabelledScore::score).toArray();
    }

    /** The mean spectrum profile of {@code label}, or null when none arrived. */
    public double[] meanSpectrum(Label label) {
        double[] s = spectrumSums[label.ordinal()];
        if (s == null) return null;
        double[] out = s.clone();
        for (int i = 0; i < out.length; i++) out[i] /= spectrumCounts[label.ordinal()];
        return out;
    }

    /** Mark findings by file name (empty when no files were surveyed). */
    public Map<String, MarkedFile> markedFiles() {
        return markedFiles;
    }

    /** Mark survival per edit, in the survey's edit order. */
    public java.util.List<MarkRobustness> markEdits() {
        return markEdits.values().stream().sorted(java.util.Comparator.comparingInt(e -> editOrder.get(e.edit()))).toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DetectabilityState s && scores.equals(s.scores) && Arrays.deepEquals(spectrumSums, s.spectrumSums)
                && Arrays.equals(spectrumCounts, s.spectrumCounts) && markedFiles.equals(s.markedFiles) && markEdits.equals(s.markEdits);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scores, markedFiles, markEdits);
    }
}
