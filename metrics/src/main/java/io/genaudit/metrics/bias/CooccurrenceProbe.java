package io.genaudit.metrics.bias;

import io.genaudit.metrics.stats.BinomialTest;
import io.genaudit.metrics.stats.ConfidenceInterval;
import io.genaudit.metrics.stats.MultipleComparisons;
import io.genaudit.metrics.stats.OneSampleTTest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Association between prompts and two groups of terms: for every prompt (e.g. "The nurse was a") the log-probability
 * difference d = log P(group A terms | prompt) - log P(group B terms | prompt), where a group's probability sums over
 * its terms. Per prompt set: mean d with standard error and t interval, a one-sample t-test and a sign test of d = 0,
 * corrected across prompt sets.
 */
public final class CooccurrenceProbe {
    /** Prompt sets (name to prompts) and the two groups' continuation terms (include a leading space if the prompt lacks one). */
    public record Suite(String groupA, List<String> termsA, String groupB, List<String> termsB, Map<String, List<String>> promptSets,
                        List<Contrast> contrasts) {
        public Suite {
            if (termsA.isEmpty() || termsB.isEmpty()) throw new IllegalArgumentException("both groups need at least one term");
            promptSets = new LinkedHashMap<>(promptSets);
            contrasts = contrasts == null ? List.of() : List.copyOf(contrasts);
            for (Contrast c : contrasts) {
                List<String> a = promptSets.get(c.first()), b = promptSets.get(c.second());
                if (a == null || b == null) throw new IllegalArgumentException("contrast " + c + " names an unknown prompt set; known: " + promptSets.keySet());
                if (a.size() != b.size()) throw new IllegalArgumentException("contrast " + c + ": paired prompt sets must have equal sizes (" + a.size() + " vs " + b.size() + ")");
            }
        }

        public Suite(String groupA, List<String> termsA, String groupB, List<String> termsB, Map<String, List<String>> promptSets) {
            this(groupA, termsA, groupB, termsB, promptSets, List.of());
        }
    }

    /**
     * Two prompt sets whose prompts correspond one to one (e.g. the same templates about two different groups); the
     * paired difference d(first_i) - d(second_i) estimates the log odds ratio of the association.
     */
    public record Contrast(String first, String second) {
        public String name() {
            return first + " - " + second;
        }
    }

    /** One prompt and its log-probability difference. */
    public record PromptScore(String set, String prompt, double logProbA, double logProbB) {
        public double difference() {
            return logProbA - logProbB;
        }
    }

    /** Per-set rows (effect = mean difference in nats; CI = t interval), the sign-test family and every prompt. */
    public record Report(CorrectedFamily tTests, CorrectedFamily signTests, CorrectedFamily contrasts, Map<String, Double> standardErrors,
                         List<PromptScore> prompts, String scoringNote) {
    }

    private final MultipleComparisons.Method correction;
    private final double level;

    public CooccurrenceProbe(MultipleComparisons.Method correction, double level) {
        this.correction = correction;
        this.level = level;
    }

    public Report run(SentenceScorer scorer, Suite suite) {
        List<String> prefixes = new ArrayList<>(), conts = new ArrayList<>();
        List<String[]> keys = new ArrayList<>();
        for (var e : suite.promptSets().entrySet()) {
            for (String p : e.getValue()) {
                keys.add(new String[]{e.getKey(), p});
                for (String t : suite.termsA()) {
                    prefixes.add(p);
                    conts.add(t);
                }
                for (String t : suite.termsB()) {
                    prefixes.add(p);
                    conts.add(t);
                }
            }
        }
        List<SentenceScorer.Score> s = scorer.continuation(prefixes, conts);
        List<PromptScore> scores = new ArrayList<>();
        int at = 0, a = suite.termsA().size(), b = suite.termsB().size();
        for (String[] k : keys) {
            double[] la = new double[a], lb = new double[b];
            for (int i = 0; i < a; i++) la[i] = s.get(at++).logLikelihood();
            for (int i = 0; i < b; i++) lb[i] = s.get(at++).logLikelihood();
            scores.add(new PromptScore(k[0], k[1], logSumExp(la), logSumExp(lb)));
        }
        return summarize(scores, suite, scorer.scoringNote());
    }

    public Report summarize(List<PromptScore> scores, Suite suite, String note) {
        double alpha = 1 - level;
        List<GroupEffect> t = new ArrayList<>(), sign = new ArrayList<>();
        Map<String, Double> se = new LinkedHashMap<>();
        String effect = "mean log P(" + suite.groupA() + ") - log P(" + suite.groupB() + ")";
        for (String set : suite.promptSets().keySet()) {
            double[] d = differences(scores, set);
            if (d.length < 2) throw new IllegalArgumentException("prompt set '" + set + "' needs at least 2 prompts, has " + d.length);
            OneSampleTTest.Result r = OneSampleTTest.test(d, 0, level);
            se.put(set, r.standardError());
            t.add(GroupEffect.uncorrected(set, d.length, effect, r.mean(), r.ci(), r.pValue(), r.test().method()));
            long pos = 0, nonzero = 0;
            for (double v : d) {
                if (v != 0) nonzero++;
                if (v > 0) pos++;
            }
            double share = nonzero == 0 ? 0.5 : (double) pos / nonzero;
            double p = nonzero == 0 ? 1.0 : BinomialTest.twoSided(pos, nonzero, 0.5).pValue();
            ConfidenceInterval ci = nonzero == 0 ? new ConfidenceInterval(level, 0, 1, "no non-zero differences")
                    : io.genaudit.metrics.stats.WilsonInterval.of(pos, nonzero, level);
            sign.add(GroupEffect.uncorrected(set, nonzero, "share of prompts favouring " + suite.groupA(), share, ci, p, "sign test (exact binomial, zeros dropped)"));
        }
        List<GroupEffect> con = new ArrayList<>();
        for (Contrast c : suite.contrasts()) {
            double[] a = differences(scores, c.first()), b = differences(scores, c.second());
            double[] d = new double[a.length];
            for (int i = 0; i < d.length; i++) d[i] = a[i] - b[i];
            OneSampleTTest.Result r = OneSampleTTest.test(d, 0, level);
            se.put(c.name(), r.standardError());
            con.add(GroupEffect.uncorrected(c.name(), d.length, "paired difference of " + effect + " (log odds ratio)", r.mean(), r.ci(),
                    r.pValue(), "paired t-test, df=" + r.df()));
        }
        return new Report(CorrectedFamily.correct("t-test per prompt set", t, correction, alpha),
                CorrectedFamily.correct("sign test per prompt set", sign, correction, alpha),
                CorrectedFamily.correct("paired contrasts", con, correction, alpha), se, List.copyOf(scores), note);
    }

    private static double[] differences(List<PromptScore> scores, String set) {
        return scores.stream().filter(p -> p.set().equals(set)).mapToDouble(PromptScore::difference).toArray();
    }

    static double logSumExp(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) m = Math.max(m, x);
        if (m == Double.NEGATIVE_INFINITY) return m;
        double s = 0;
        for (double x : v) s += Math.exp(x - m);
        return m + Math.log(s);
    }
}
