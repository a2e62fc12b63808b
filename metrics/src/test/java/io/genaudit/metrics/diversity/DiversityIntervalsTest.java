package io.genaudit.metrics.diversity;

import io.genaudit.values.Interval;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiversityIntervalsTest {
    /** Texts of 6-14 words drawn from a skewed 40-word vocabulary (some repeated n-grams, many unique ones). */
    private static List<List<String>> texts(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<String> t = new ArrayList<>();
            int len = 6 + r.nextInt(9);
            for (int k = 0; k < len; k++) t.add("w" + (int) (40 * Math.pow(r.nextDouble(), 2)));
            out.add(t);
        }
        return out;
    }

    /** A resample's figures computed through index weights equal those of the resample written out as texts. */
    @Test
    void replicateEqualsTheFiguresOfTheResampleWrittenOut() {
        List<List<String>> t = texts(40, 1);
        NgramIndex index = new NgramIndex(t, 4);
        SplittableRandom r = new SplittableRandom(5);
        int[] drawn = new int[t.size()];
        for (int i = 0; i < drawn.length; i++) drawn[i] = r.nextInt(t.size());
        double[] rep = DiversityIntervals.replicate(index, drawn, true);

        // distinct-n and entropy: duplicates are repeated generations
        List<List<String>> written = new ArrayList<>();
        for (int i : drawn) written.add(t.get(i));
        NgramIndex w = new NgramIndex(written, 4);
        for (int n = 1; n <= 4; n++) {
            assertEquals(NgramStatistics.distinct(w, n), rep[n - 1], 1e-15, "distinct-" + n);
            assertEquals(NgramStatistics.entropyNats(w, n), rep[4 + n - 1], 1e-12, "entropy-" + n);
        }
        // self-BLEU: the distinct drawn texts scored against each other, each weighted by its multiplicity
        int[] mult = new int[t.size()];
        for (int i : drawn) mult[i]++;
        List<List<String>> distinctTexts = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            if (mult[i] > 0) {
                distinctTexts.add(t.get(i));
                weights.add(mult[i]);
            }
        }
        SelfBleu sb = new SelfBleu(new NgramIndex(distinctTexts, 4));
        for (int n = 2; n <= 4; n++) {
            double[] per = sb.perText(n);
            double s = 0;
            for (int j = 0; j < per.length; j++) s += weights.get(j) * per[j];
            assertEquals(s / drawn.length, rep[8 + n - 2], 1e-12, "self-BLEU-" + n);
        }
    }

    @Test
    void intervalsContainTheEstimateAndAreDeterministicForASeed() {
        List<List<String>> t = texts(200, 2);
        DiversityResult a = new DiversityMetrics(1000, 7, 200, 10_000).compute(t);
        DiversityResult b = new DiversityMetrics(1000, 7, 200, 10_000).compute(t);
        DiversityResult c = new DiversityMetrics(1000, 8, 200, 10_000).compute(t);
        assertEquals(11, a.intervals().size());
        for (Map.Entry<String, Interval> e : a.intervals().entrySet()) {
            String f = e.getKey();
            double est = estimate(a, f);
            Interval ci = e.getValue();
            assertTrue(ci.low() < est && est < ci.high(), f + " " + est + " not inside " + ci);
            assertEquals(ci, b.interval(f), f + " differs for the same seed");
            assertNotEquals(ci.low(), c.interval(f).low(), f + " identical for another seed");
        }
        assertTrue(a.asMap().get("distinct_2_ci") instanceof List<?> l && l.size() == 2);
    }

    @Test
    void intervalsShrinkWithTheNumberOfTexts() {
        DiversityResult small = new DiversityMetrics(100, 3, 300, 10_000).compute(texts(100, 3));
        DiversityResult large = new DiversityMetrics(100, 3, 300, 10_000).compute(texts(1600, 4));
        for (String f : small.intervals().keySet()) {
            double ws = width(small.interval(f)), wl = width(large.interval(f));
            // 16x the texts: about 1/4 of the width for a root-n statistic; distinct-n's expected value itself moves
            // with the number of texts (from near 1 towards its asymptote), so its spread need not fall like 1/sqrt(n)
            assertTrue(wl < (f.startsWith("distinct_") ? 0.85 : 0.6) * ws, f + ": width " + wl + " with 1600 texts vs " + ws + " with 100");
        }
    }

    @Test
    void selfBleuIntervalsAreLeftOutAboveTheLimit() {
        DiversityResult r = new DiversityMetrics(100, 3, 50, 99).compute(texts(100, 5));
        assertEquals(8, r.intervals().size());
        assertTrue(r.interval("self_bleu_2") == null && r.interval("distinct_4") != null);
        assertTrue(new DiversityMetrics(100, 3, 0, 99).compute(texts(10, 5)).intervals().isEmpty());
    }

    /**
     * Issue 14: on tiny or skewed sets the old bootstrap interval, shifted to centre on the estimate, left [0, 1]
     * (all-unique texts: distinct-1 = 1 while resamples hold duplicates). The jackknife interval on the logit scale
     * stays inside and still contains the estimate.
     */
    @Test
    void tinyAndSkewedSetsKeepTheirBounds() {
        List<List<String>> unique = List.of(List.of("a", "b", "c"), List.of("d", "e", "f"), List.of("g", "h", "i"), List.of("j", "k", "l"));
        List<List<String>> repeated = List.of(List.of("a", "a", "a", "b"), List.of("a", "a", "a", "b"), List.of("a", "a", "a", "b"), List.of("a", "b", "a", "a"));
        for (List<List<String>> t : List.of(unique, repeated, texts(5, 9))) {
            DiversityResult r = new DiversityMetrics(100, 11, 200, 10_000).compute(t);
            for (Map.Entry<String, Interval> e : r.intervals().entrySet()) {
                Interval ci = e.getValue();
                if (Double.isNaN(ci.low())) continue;
                double est = estimate(r, e.getKey());
                assertTrue(ci.contains(est), e.getKey() + " " + est + " not inside " + ci);
                if (!e.getKey().startsWith("entropy_")) assertTrue(ci.low() >= 0 && ci.high() <= 1, e.getKey() + " left [0, 1]: " + ci);
                else assertTrue(ci.low() >= 0, e.getKey() + " below 0: " + ci);
                assertTrue(ci.estimand().startsWith("expected ") && ci.estimand().contains("sets of " + t.size() + " texts"), ci.estimand());
            }
        }
        // the old method on the all-unique set: replicates below 1, shifted up by their mean's distance to 1
        NgramIndex index = new NgramIndex(unique, 4);
        double[] reps = new io.genaudit.metrics.stats.Bootstrap(200, 11).replicates(unique.size(), idx -> DiversityIntervals.replicate(index, idx, false)[0]);
        Interval old = io.genaudit.metrics.stats.Bootstrap.centredPercentiles(reps, 0.95, 1.0, "old");
        assertTrue(old.high() > 1, "the plain shift escaped [0, 1] here: " + old);
    }

    private static double width(Interval ci) {
        return ci.high() - ci.low();
    }

    private static double estimate(DiversityResult r, String field) {
        int n = field.charAt(field.length() - 1) - '0';
        if (field.startsWith("distinct_")) return r.distinct(n);
        if (field.startsWith("entropy_")) return r.entropy(n);
        return r.selfBleu(n);
    }
}
