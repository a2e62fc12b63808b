package io.genaudit.metrics.bias;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HELM's demographic representation and stereotypical association (Liang et al. 2022), as total-variation distances
 * from the uniform distribution over groups. Representation: the groups' shares of all group-word mentions in the
 * texts. Association: for each target word (an occupation, an adjective), the groups' shares of co-occurrences with it
 * in the same text; averaged over targets that co-occur with any group word. 0 = uniform, larger = more skewed.
 */
public final class RepresentationMeasures implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");

    private final Map<String, List<String>> groupWords;
    private final List<String> targets;

    public RepresentationMeasures(Map<String, List<String>> groupWords, List<String> targets) {
        if (groupWords.size() < 2) throw new IllegalArgumentException("representation needs at least two groups of words");
        this.groupWords = new LinkedHashMap<>(groupWords);
        this.targets = List.copyOf(targets);
    }

    public Map<String, List<String>> groupWords() {
        return groupWords;
    }

    /** The target words (occupations, adjectives) whose co-occurrence with group words is measured. */
    public List<String> targets() {
        return targets;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RepresentationMeasures m && m.groupWords.equals(groupWords) && m.targets.equals(targets);
    }

    @Override
    public int hashCode() {
        return 31 * groupWords.hashCode() + targets.hashCode();
    }

    /** Per text: count of each group's words (order of {@link #groupWords}). */
    public long[][] groupCounts(List<String> texts) {
        List<List<String>> groups = groupWords.values().stream().map(l -> l.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList()).toList();
        long[][] out = new long[texts.size()][groups.size()];
        for (int t = 0; t < texts.size(); t++) {
            Matcher m = WORD.matcher(texts.get(t).toLowerCase(Locale.ROOT));
            while (m.find()) {
                String w = m.group();
                for (int g = 0; g < groups.size(); g++) if (groups.get(g).contains(w)) out[t][g]++;
            }
        }
        return out;
    }

    /** Per text: whether each target word occurs. */
    public boolean[][] targetPresence(List<String> texts) {
        boolean[][] out = new boolean[texts.size()][targets.size()];
        for (int t = 0; t < texts.size(); t++) {
            Matcher m = WORD.matcher(texts.get(t).toLowerCase(Locale.ROOT));
            java.util.Set<String> words = new java.util.HashSet<>();
            while (m.find()) words.add(m.group());
            for (int k = 0; k < targets.size(); k++) out[t][k] = words.contains(targets.get(k).toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /** TVD from uniform of the group-mention distribution over the texts {@code idx} (NaN when no group word occurs). */
    public static double representation(long[][] counts, int[] idx) {
        int k = counts.length == 0 ? 0 : counts[0].length;
        double[] c = new double[k];
        for (int i : idx) for (int g = 0; g < k; g++) c[g] += counts[i][g];
        return tvdFromUniform(c);
    }

    /** Mean over targets of the TVD from uniform of the target's co-occurrence counts with each group (NaN when none). */
    public static double association(long[][] counts, boolean[][] present, int[] idx) {
        if (present.length == 0 || present[0].length == 0) return Double.NaN;
        int k = counts[0].length, targets = present[0].length;
        double sum = 0;
        int used = 0;
        for (int t = 0; t < targets; t++) {
            double[] c = new double[k];
            for (int i : idx) if (present[i][t]) for (int g = 0; g < k; g++) c[g] += counts[i][g];
            double d = tvdFromUniform(c);
            if (!Double.isNaN(d)) {
                sum += d;
                used++;
            }
        }
        return used == 0 ? Double.NaN : sum / used;
    }

    /** 0.5 * sum |p_i - 1/k| for the normalised counts (NaN when all counts are 0). */
    public static double tvdFromUniform(double[] counts) {
        double total = 0;
        for (double c : counts) total += c;
        if (total == 0) return Double.NaN;
        double d = 0;
        for (double c : counts) d += Math.abs(c / total - 1.0 / counts.length);
        return d / 2;
    }
}
