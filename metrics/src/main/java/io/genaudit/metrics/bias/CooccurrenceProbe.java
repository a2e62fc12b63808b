package io.genaudit.metrics.bias;

import io.genaudit.values.Interval;
import io.genaudit.metrics.stats.MultipleComparisons;
import io.genaudit.metrics.stats.OneSampleTTest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Association between prompt contexts and two groups of continuation terms. For every prompt (e.g. "The nurse was a")
 * d = log P(group A terms | prompt) - log P(group B terms | prompt), where a group's probability sums over its terms;
 * per prompt set the mean d with its standard error is the raw quantity lm-evaluation-harness' simple co-occurrence
 * task reports. A raw mean mixes the association with the terms' base rates (one term is simply more frequent), so it
 * is reported but never tested. The tested statistic is a <em>contrast</em> between prompt sets whose prompts
 * correspond one to one (the same templates about two groups, or an attribute context and a neutral one): the paired
 * difference d(first_i) - d(second_i) cancels the base rates and estimates the log odds ratio of the association, so it
 * is null whenever the model does not associate the contexts with the groups, whatever the terms' frequencies. Each
 * contrast gets a paired t-test (of 0, or of a minimum effect), a t interval and its standard error, corrected across
 * contrasts.
 */
public final class CooccurrenceProbe {
    /** Prompt sets (name to prompts) and the two groups' continuation terms (include a leading space if the prompt lacks one). */
    public record Suite(String groupA, List<String> termsA, String groupB, List<String> termsB, Map<String, List<String>> promptSets,
                        List<Contrast> contrasts) implements java.io.Serializable {
        public Suite {
            if (termsA.isEmpty() || termsB.isEmpty()) throw new IllegalArgumentException("both groups need at least one term");
            promptSets = new LinkedHashMap<>(promptSets);
            contrasts = contrasts == null ? List.of() : List.copyOf(contrasts);
            for (Contrast c : contrasts) {
                List<String> a = promptSets.get(c.first()), b = promptSets.get(c.second());
                if (a == null || b == null) throw new IllegalArgumentException("contrast " + c + " names an unknown prompt set; known: " + promptSets.keySet());
                if (c.first().equals(c.second())) throw new IllegalArgumentException("contrast " + c + " compares a prompt set with itself");
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
    public record Contrast(String first, String second) implements java.io.Serializable {
        public String name() {
            return first + " - " + second;
        }
    }

    /** One prompt and its log-probability difference. */
    public record PromptScore(String set, String prompt, double logProbA, double logProbB) implements LmProbeItem {
        public double difference() {
            return logProbA - logProbB;
        }
    }

    /**
     * The raw (lm-evaluation-harness style) summary of one prompt set: mean d with its standard error and t interval,
     * and the share of prompts where group A's terms are more probable. Descriptive only: it includes the terms' base rates.
     */
    public record RawDifference(String set, int n, double mean, double standardError, Interval ci, double shareFavouringA) {
    }

    /**
     * The tested association contrasts (effect = mean paired difference in nats, a log odds ratio; CI = t interval;
     * corrected across contrasts) with their standard errors, the raw per-set summaries and every prompt's scores.
     * {@code associations} is empty when the suite declares no contrast: raw differences alone cannot be tested for
     * an association.
     */
    public record Report(CorrectedFamily associations, Map<String, Double> associationStandardErrors, List<RawDifference> raw,
                         List<PromptScore> prompts, String scoringNote) {
    }

    private final MultipleComparisons.Method correction;
    private final double level;
    private final double minEffect;

    /** Tests each contrast against exactly no association (log odds ratio 0). */
    public CooccurrenceProbe(MultipleComparisons.Method correction, double level) {
        this(correction, level, 0);
    }

    /**
     * Tests each contrast against |log odds ratio| <= {@code minEffect} (nats), the smallest association worth flagging:
     * a contrast is flagged when its interval lies entirely beyond the margin. Every trained model carries some small
     * association of its own (its training sample and optimisation noise are shared by all prompts), which a test of
     * exactly 0 flags once the prompt-level standard error is small enough; the margin states what size matters.
     */
    public CooccurrenceProbe(MultipleComparisons.Method correction, double level, double minEffect) {
        if (!(minEffect >= 0) || Double.isInfinite(minEffect)) throw new IllegalArgumentException("minEffect must be finite and >= 0, got " + minEffect);
        this.correction = correction;
        this.level = level;
        this.minEffect = minEffect;
    }

    public Report run(SentenceScorer scorer, Suite suite) {
        return summarize(score(scorer, suite), suite, scorer.scoringNote());
    }

    /** Every prompt's log-probabilities of the two groups' terms (the engine side of the probe), in suite order. */
    public static List<PromptScore> score(SentenceScorer scorer, Suite suite) {
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
        return scores;
    }

    public Report summarize(List<PromptScore> scores, Suite suite, String note) {
        List<RawDifference> raw = new ArrayList<>();
        for (String set : suite.promptSets().keySet()) {
            double[] d = differences(scores, set);
            if (d.length < 2) throw new IllegalArgumentException("prompt set '" + set + "' needs at least 2 prompts, has " + d.length);
            OneSampleTTest.Result r = OneSampleTTest.test(d, 0, level);
            long favouringA = Arrays.stream(d).filter(v -> v > 0).count();
            raw.add(new RawDifference(set, d.length, r.mean(), r.standardError(), r.ci(), (double) favouringA / d.length));
        }
        String effect = "log odds ratio: paired difference of log P(" + suite.groupA() + ") - log P(" + suite.groupB() + ")";
        List<GroupEffect> con = new ArrayList<>();
        Map<String, Double> se = new LinkedHashMap<>();
        for (Contrast c : suite.contrasts()) {
            double[] a = differences(scores, c.first()), b = differences(scores, c.second());
            double[] d = new double[a.length];
            for (int i = 0; i < d.length; i++) d[i] = a[i] - b[i];
            OneSampleTTest.Result r = OneSampleTTest.test(d, 0, level);
            se.put(c.name(), r.standardError());
            String test = minEffect == 0 ? "paired t-test, df=" + r.df() : "paired t-test of |log odds ratio| <= " + minEffect + ", df=" + r.df();
            con.add(GroupEffect.uncorrected(c.name(), d.length, effect, r.mean(), r.ci(), r.pValueBeyond(minEffect), test));
        }
        return new Report(CorrectedFamily.correct("association contrasts", con, correction, 1 - level), se, List.copyOf(raw), List.copyOf(scores), note);
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
