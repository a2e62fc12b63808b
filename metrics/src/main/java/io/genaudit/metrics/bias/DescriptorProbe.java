package io.genaudit.metrics.bias;

import io.genaudit.metrics.stats.Bootstrap;
import io.genaudit.values.Interval;
import io.genaudit.metrics.stats.MannWhitneyU;
import io.genaudit.metrics.stats.MultipleComparisons;
import org.apache.commons.math3.distribution.NormalDistribution;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HolisticBias-style perplexity comparison: every descriptor's sentences (templates x nouns) are scored; within each
 * axis every pair of descriptors is compared with a Mann-Whitney U test on their sentences' log-perplexities
 * (effect = rank-biserial correlation, CI from the Hanley-McNeil standard error of the AUC), corrected within the axis
 * (Holm or BH). Reports the share of pairs that differ and the descriptors whose median is furthest from the axis median.
 */
public final class DescriptorProbe {
    /** One descriptor's sentences and their log-perplexities (mean negative log-likelihood per scored token). */
    public record DescriptorScores(String axis, String descriptor, List<String> sentences, double[] logPerplexity) {
        public double median() {
            double[] s = logPerplexity.clone();
            java.util.Arrays.sort(s);
            return Bootstrap.quantile(s, 0.5);
        }
    }

    /** One scored descriptor sentence: its log-perplexity (mean negative log-likelihood per scored token). */
    public record ScoredSentence(String axis, String descriptor, String text, double logPerplexity) implements LmProbeItem {
    }

    /** A descriptor's distance from its axis: median log-perplexity minus the axis median of descriptor medians. */
    public record Outlier(String axis, String descriptor, double median, double deviation) {
    }

    public record AxisSummary(String axis, int descriptors, CorrectedFamily pairs) {
    }

    public record Report(List<DescriptorScores> descriptors, List<AxisSummary> axes, List<Outlier> outliers, double significantShare, int pairCount, String scoringNote) {
    }

    private final MultipleComparisons.Method correction;
    private final double level;

    public DescriptorProbe(MultipleComparisons.Method correction, double level) {
        this.correction = correction;
        this.level = level;
    }

    public Report run(SentenceScorer scorer, DescriptorSuite suite) {
        return summarize(group(score(scorer, suite)), scorer.scoringNote());
    }

    /** Every sentence of the suite scored by the model (the engine side of the probe), in suite order. */
    public static List<ScoredSentence> score(SentenceScorer scorer, DescriptorSuite suite) {
        List<DescriptorSuite.Sentence> sentences = suite.sentences();
        List<SentenceScorer.Score> scores = scorer.score(sentences.stream().map(DescriptorSuite.Sentence::text).toList());
        List<ScoredSentence> out = new ArrayList<>(sentences.size());
        for (int i = 0; i < sentences.size(); i++) {
            DescriptorSuite.Sentence s = sentences.get(i);
            out.add(new ScoredSentence(s.axis(), s.descriptor(), s.text(), -scores.get(i).perToken()));
        }
        return out;
    }

    /** Scored sentences grouped by descriptor, descriptors in order of first appearance. */
    public static List<DescriptorScores> group(List<ScoredSentence> sentences) {
        Map<String, List<ScoredSentence>> byDescriptor = new LinkedHashMap<>();
        for (ScoredSentence s : sentences) byDescriptor.computeIfAbsent(s.axis() + "\u0000" + s.descriptor(), k -> new ArrayList<>()).add(s);
        List<DescriptorScores> ds = new ArrayList<>();
        for (List<ScoredSentence> list : byDescriptor.values()) {
            double[] lp = list.stream().mapToDouble(ScoredSentence::logPerplexity).toArray();
            ds.add(new DescriptorScores(list.get(0).axis(), list.get(0).descriptor(), list.stream().map(ScoredSentence::text).toList(), lp));
        }
        return ds;
    }

    public Report summarize(List<DescriptorScores> ds, String note) {
        Map<String, List<DescriptorScores>> byAxis = new LinkedHashMap<>();
        for (DescriptorScores d : ds) byAxis.computeIfAbsent(d.axis(), k -> new ArrayList<>()).add(d);
        List<AxisSummary> axes = new ArrayList<>();
        List<Outlier> outliers = new ArrayList<>();
        int pairs = 0;
        long sig = 0;
        for (var e : byAxis.entrySet()) {
            List<DescriptorScores> list = e.getValue();
            List<GroupEffect> rows = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                for (int j = i + 1; j < list.size(); j++) {
                    DescriptorScores a = list.get(i), b = list.get(j);
                    MannWhitneyU.Result r = MannWhitneyU.test(a.logPerplexity(), b.logPerplexity());
                    rows.add(GroupEffect.uncorrected(a.descriptor() + " vs " + b.descriptor(), (long) r.n1() + r.n2(),
                            "rank-biserial r (log-perplexity, >0: first is less likely)", r.rankBiserial(),
                            rankBiserialInterval(r.commonLanguageEffect(), r.n1(), r.n2(), level), r.pValue(), r.method()));
                }
            }
            CorrectedFamily fam = CorrectedFamily.correct(e.getKey(), rows, correction, 1 - level);
            axes.add(new AxisSummary(e.getKey(), list.size(), fam));
            pairs += rows.size();
            sig += fam.significantCount();
            double[] medians = list.stream().mapToDouble(DescriptorScores::median).sorted().toArray();
            double axisMedian = Bootstrap.quantile(medians, 0.5);
            for (DescriptorScores d : list) outliers.add(new Outlier(d.axis(), d.descriptor(), d.median(), d.median() - axisMedian));
        }
        outliers.sort(Comparator.comparingDouble((Outlier o) -> -Math.abs(o.deviation())));
        return new Report(List.copyOf(ds), axes, outliers, pairs == 0 ? Double.NaN : (double) sig / pairs, pairs, note);
    }

    /** Hanley &amp; McNeil (1982) normal interval for the AUC A = CLES, mapped to r = 2A - 1 and clipped to [-1, 1]. */
    static Interval rankBiserialInterval(double a, int n1, int n2, double level) {
        double q1 = a / (2 - a), q2 = 2 * a * a / (1 + a);
        double var = (a * (1 - a) + (n1 - 1) * (q1 - a * a) + (n2 - 1) * (q2 - a * a)) / ((double) n1 * n2);
        double z = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(1 - (1 - level) / 2);
        double se = Math.sqrt(Math.max(0, var));
        double lo = Math.max(0, a - z * se), hi = Math.min(1, a + z * se);
        return new Interval(level, 2 * lo - 1, 2 * hi - 1, "Hanley-McNeil normal interval of the AUC");
    }
}
