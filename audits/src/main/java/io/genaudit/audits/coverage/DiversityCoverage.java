package io.genaudit.audits.coverage;

import io.genaudit.metrics.diversity.DiversityMetrics;
import io.genaudit.values.Interval;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Coverage of the diversity intervals (distinct-n, self-BLEU; {@link DiversityMetrics} with its bootstrap) on sets of
 * generated texts drawn from a skewed (Zipf) unigram language. These figures depend on the number of texts, so the
 * target is the expected value over generation sets of this size (by simulation).
 */
public final class DiversityCoverage implements CoverageCase {
    private final int texts;
    private final int length;
    private final int vocabulary;
    private final double zipf;
    private final String field;
    private final double[] cumulative;
    private MonteCarloTarget target;

    public DiversityCoverage(int texts, int length, int vocabulary, double zipf, String field) {
        this.texts = texts;
        this.length = length;
        this.vocabulary = vocabulary;
        this.zipf = zipf;
        this.field = field;
        this.cumulative = new double[vocabulary];
        double sum = 0;
        for (int k = 0; k < vocabulary; k++) sum += Math.pow(k + 1, -zipf);
        double acc = 0;
        for (int k = 0; k < vocabulary; k++) cumulative[k] = (acc += Math.pow(k + 1, -zipf) / sum);
    }

    @Override
    public String name() {
        return field + ", " + texts + " texts of " + length + " words, Zipf(" + zipf + ") over " + vocabulary + " words";
    }

    @Override
    public String method() {
        return "half-sampling over generations, " + io.genaudit.metrics.diversity.DiversityIntervals.HALVES + " halves, logit scale";
    }

    @Override
    public double target() {
        if (target == null) {
            DiversityMetrics plain = new DiversityMetrics(0, 0, 0, 0);
            target = MonteCarloTarget.of(3000, 940_000_000L, s -> value(plain, sample(new SplittableRandom(s))));
        }
        return target.value();
    }

    @Override
    public String targetSource() {
        return "expected value over sets of this size: " + target.describe();
    }

    @Override
    public double[] range() {
        return new double[]{0, 1};
    }

    @Override
    public Interval interval(long seed) {
        List<List<String>> set = sample(new SplittableRandom(seed));
        return new DiversityMetrics(0, seed * 31 + 7, 10, Integer.MAX_VALUE).compute(set).interval(field); // any resamples > 0 turns intervals on
    }

    private double value(DiversityMetrics m, List<List<String>> set) {
        var r = m.compute(set);
        return field.startsWith("self_bleu_") ? r.selfBleu(Integer.parseInt(field.substring(10))) : r.distinct(Integer.parseInt(field.substring(9)));
    }

    private List<List<String>> sample(SplittableRandom r) {
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
