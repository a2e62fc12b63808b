package io.genaudit.metrics.diversity;

import io.genaudit.values.Interval;

import java.util.List;
import java.util.Map;

/**
 * Diversity of one set of texts: distinct-n and n-gram entropy (nats) for n = 1..4, self-BLEU-2..4 (NLTK
 * sentence_bleu, method1 smoothing, each text against all others) and the n-gram Vendi score.
 *
 * @param texts       how many texts
 * @param tokens      total tokens
 * @param distinct    distinct-n for n = 1..4 (index n-1)
 * @param ngrams      total n-grams for n = 1..4 (distinct-n's denominators)
 * @param entropy     n-gram Shannon entropy in nats for n = 1..4
 * @param selfBleu    self-BLEU-n for n = 2..4 (index n-2); NaN with fewer than two texts
 * @param vendi       Vendi score under the cosine kernel on n-gram (1..4) counts; NaN when not computed
 * @param vendiItems  how many texts the Vendi score was computed on (a seeded subsample when capped)
 * @param intervals   bootstrap intervals over generations by field name ({@code distinct_1}, {@code entropy_2},
 *                    {@code self_bleu_4}, ...; see {@link DiversityIntervals}); empty when not computed
 */
public record DiversityResult(int texts, long tokens, double[] distinct, long[] ngrams, double[] entropy,
                              double[] selfBleu, double vendi, int vendiItems, Map<String, Interval> intervals) {
    public double distinct(int n) {
        return distinct[n - 1];
    }

    public double entropy(int n) {
        return entropy[n - 1];
    }

    public double selfBleu(int n) {
        return selfBleu[n - 2];
    }

    /** The interval of field {@code name} (e.g. {@code distinct_2}), or null when none was computed. */
    public Interval interval(String name) {
        return intervals.get(name);
    }

    /**
     * The figures as flat JSON-ready entries: {@code n} (texts), {@code tokens}, {@code distinct_1..4},
     * {@code ngrams_1..4}, {@code self_bleu_2..4}, {@code entropy_1..4} (nats), {@code vendi}, {@code vendi_items};
     * each figure with an interval is followed by {@code <name>_ci: [low, high]}, and {@code ci_level} /
     * {@code ci_method} / {@code ci_estimand} close the map; NaN becomes null.
     */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("n", texts);
        m.put("tokens", tokens);
        for (int k = 1; k <= distinct.length; k++) put(m, "distinct_" + k, distinct[k - 1]);
        for (int k = 1; k <= ngrams.length; k++) m.put("ngrams_" + k, ngrams[k - 1]);
        for (int k = 2; k < selfBleu.length + 2; k++) put(m, "self_bleu_" + k, selfBleu[k - 2]);
        for (int k = 1; k <= entropy.length; k++) put(m, "entropy_" + k, entropy[k - 1]);
        m.put("vendi", num(vendi));
        m.put("vendi_items", vendiItems);
        if (!intervals.isEmpty()) {
            Interval first = intervals.values().iterator().next();
            m.put("ci_level", first.level());
            m.put("ci_method", first.method());
            m.put("ci_estimand", "each figure's expected value " + DiversityIntervals.estimand(texts));
        }
        return m;
    }

    private void put(Map<String, Object> m, String name, double value) {
        m.put(name, num(value));
        Interval ci = intervals.get(name);
        if (ci != null) m.put(name + "_ci", Double.isNaN(ci.low()) ? null : List.of(ci.low(), ci.high()));
    }

    private static Double num(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
