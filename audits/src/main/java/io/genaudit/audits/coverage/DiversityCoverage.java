package io.genaudit.audits.coverage;

import io.genaudit.metrics.diversity.DiversityIntervals;
import io.genaudit.metrics.diversity.DiversityMetrics;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Coverage of the diversity intervals (distinct-n, self-BLEU; {@link DiversityMetrics} with its bootstrap) on sets of
 * generated texts drawn from a skewed (Zipf) unigram language. These figures depend on the number of texts, so the
 * target is the expected value over generation sets of this size (by simulation).
 *
 * @param texts      texts per set
 * @param length     words per text
 * @param vocabulary words in the language
 * @param zipf       the Zipf exponent of word frequencies
 */
public record DiversityCoverage(int texts, int length, int vocabulary, double zipf) {
    /** The case of {@code field} ({@code distinct_N} or {@code self_bleu_N}) on sets of this language. */
    public CoverageCase of(String field) {
        CaseLabel label = CaseLabel.of(field + ", " + texts + " texts of " + length + " words, Zipf(" + zipf + ") over " + vocabulary + " words",
                "half-sampling over generations, " + DiversityIntervals.HALVES + " halves, logit scale", 0, 1);
        double[] cumulative = cumulative();
        return new CoverageCase(label, () -> {
            DiversityMetrics plain = new DiversityMetrics(0, 0, 0, 0);
            return MonteCarloTarget.of(3000, 940_000_000L, s -> value(plain, sample(new SplittableRandom(s), cumulative), field))
                    .as("expected value over sets of this size", "");
        }, seed -> new DiversityMetrics(0, seed * 31 + 7, 10, Integer.MAX_VALUE) // any resamples > 0 turns intervals on
                .compute(sample(new SplittableRandom(seed), cumulative)).interval(field));
    }

    private double[] cumulative() {
        double[] cumulative = new double[vocabulary];
        double sum = 0;
        for (int k = 0; k < vocabulary; k++) sum += Math.pow(k + 1, -zipf);
        double acc = 0;
        for (int k = 0; k < vocabulary; k++) cumulative[k] = (acc += Math.pow(k + 1, -zipf) / sum);
        return cumulative;
    }

    private static double value(DiversityMetrics m, List<List<String>> set, String field) {
        var r = m.compute(set);
        return field.startsWith("self_bleu_") ? r.selfBleu(Integer.parseInt(field.substring(10))) : r.distinct(Integer.parseInt(field.substring(9)));
    }

    private List<List<String>> sample(SplittableRandom r, double[] cumulative) {
        List<List<String>> out = new ArrayList<>(texts);
        for (int i = 0; i < texts; i++) {
            List<String> words = new ArrayList<>(length);
            for (int t = 0; t < length; t++) {
                double u = r.nextDouble();
                int k = 0;
                while (k < vocabulary - 1 && cumulative[k] < u) k++;
                words.add("w" + k);
            }
            out.add(words);
        }
        return out;
    }
}
