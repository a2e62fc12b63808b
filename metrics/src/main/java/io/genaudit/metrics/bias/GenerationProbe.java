package io.genaudit.metrics.bias;

import io.genaudit.engine.lm.LanguageModel;
import io.genaudit.engine.lm.SamplingSettings;
import io.genaudit.metrics.stats.Bootstrap;
import io.genaudit.values.Interval;
import io.genaudit.metrics.stats.MultipleComparisons;
import io.genaudit.metrics.stats.PermutationTest;
import io.genaudit.metrics.stats.TestResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generation probe (BOLD-style): continuations of each group's prompts are sampled with {@link LanguageModel#generate}
 * (seed = base seed + prompt index * 1000 + sample) and scored with VADER's compound sentiment. Per group: mean
 * sentiment with a bootstrap interval; per pair of groups in a domain: the gap with a two-sample bootstrap interval and
 * a permutation test, corrected over all pairs. Optionally HELM representation/association over all continuations.
 */
public final class GenerationProbe {
    /** One generated continuation. */
    public record Continuation(String domain, String group, String prompt, int sample, String text, double sentiment) implements LmProbeItem {
    }

    public record GroupMean(String domain, String group, int n, double mean, Interval ci) {
    }

    /** Representation and association TVDs with bootstrap intervals over continuations (null when not configured). */
    public record Representation(double representation, Interval representationCi, double association, Interval associationCi,
                                 Map<String, Long> mentions) {
    }

    public record Report(List<GroupMean> groups, CorrectedFamily gaps, Representation representation, List<Continuation> continuations, String settings) {
    }

    private final SamplingSettings sampling;
    private final int samplesPerPrompt;
    private final String settings;
    private final long seed;
    private final MultipleComparisons.Method correction;
    private final double level;
    private final int resamples;

    public GenerationProbe(SamplingSettings sampling, int samplesPerPrompt, long seed, MultipleComparisons.Method correction, double level, int resamples) {
        this.sampling = sampling;
        this.samplesPerPrompt = Math.max(1, samplesPerPrompt);
        this.settings = settingsText(sampling, samplesPerPrompt);
        this.seed = seed;
        this.correction = correction;
        this.level = level;
        this.resamples = resamples;
    }

    /**
     * The statistics side alone, for continuations generated elsewhere: {@code settings} is how they were generated
     * (see {@link #settingsText}); {@code seed} seeds the permutation tests and bootstrap intervals.
     */
    public GenerationProbe(String settings, long seed, MultipleComparisons.Method correction, double level, int resamples) {
        this.sampling = null;
        this.samplesPerPrompt = 0;
        this.settings = settings;
        this.seed = seed;
        this.correction = correction;
        this.level = level;
        this.resamples = resamples;
    }

    /** How continuations were generated, as reports state it. */
    public static String settingsText(SamplingSettings sampling, int samplesPerPrompt) {
        return "samples per prompt " + Math.max(1, samplesPerPrompt) + ", " + sampling;
    }

    public Report run(LanguageModel lm, GenerationPrompts prompts, VaderSentiment vader, RepresentationMeasures representation) {
        return summarize(generate(lm, prompts, vader, sampling, samplesPerPrompt, seed), representation);
    }

    /**
     * Samples and scores every prompt's continuations (the engine side of the probe), in prompt order; sample
     * {@code s} of prompt {@code i} uses seed {@code seed + i * 1000 + s}.
     */
    public static List<Continuation> generate(LanguageModel lm, GenerationPrompts prompts, VaderSentiment vader, SamplingSettings sampling,
                                              int samplesPerPrompt, long seed) {
        samplesPerPrompt = Math.max(1, samplesPerPrompt);
        List<Continuation> out = new ArrayList<>();
        int promptIndex = 0;
        for (var d : prompts.domains().entrySet()) {
            for (var g : d.getValue().entrySet()) {
                for (String p : g.getValue()) {
                    int[] ids = lm.tokenizer().encode(p);
                    for (int s = 0; s < samplesPerPrompt; s++) {
                        int[] gen = lm.generate(ids, sampling, seed + promptIndex * 1000L + s);
                        String text = lm.tokenizer().decode(gen);
                        out.add(new Continuation(d.getKey(), g.getKey(), p, s, text, vader.score(text).compound()));
                    }
                    promptIndex++;
                }
            }
        }
        return out;
    }

    public Report summarize(List<Continuation> cs, RepresentationMeasures representation) {
        Map<String, Map<String, List<Double>>> by = new LinkedHashMap<>();
        for (Continuation c : cs) by.computeIfAbsent(c.domain(), k -> new LinkedHashMap<>()).computeIfAbsent(c.group(), k -> new ArrayList<>()).add(c.sentiment());
        List<GroupMean> means = new ArrayList<>();
        List<GroupEffect> gaps = new ArrayList<>();
        PermutationTest perm = new PermutationTest(Math.max(resamples, 10), seed);
        int pairIndex = 0;
        for (var d : by.entrySet()) {
            List<String> names = new ArrayList<>(d.getValue().keySet());
            Map<String, double[]> values = new LinkedHashMap<>();
            for (String g : names) {
                double[] v = d.getValue().get(g).stream().mapToDouble(Double::doubleValue).toArray();
                values.put(g, v);
                Bootstrap b = new Bootstrap(Math.max(resamples, 10), seed ^ g.hashCode());
                means.add(new GroupMean(d.getKey(), g, v.length, mean(v, null), b.percentileInterval(v.length, idx -> mean(v, idx), level)));
            }
            for (int i = 0; i < names.size(); i++) {
                for (int j = i + 1; j < names.size(); j++) {
                    double[] x = values.get(names.get(i)), y = values.get(names.get(j));
                    Interval ci = meanGapInterval(x, y, Math.max(resamples, 10), seed + 7919L * (++pairIndex), level);
                    TestResult t = perm.meanDifference(x, y);
                    gaps.add(GroupEffect.uncorrected(d.getKey() + ": " + names.get(i) + " - " + names.get(j), x.length + y.length,
                            "gap in mean VADER compound", t.statistic(), ci, t.pValue(), t.method()));
                }
            }
        }
        Representation rep = null;
        if (representation != null) rep = representation(cs, representation);
        return new Report(means, CorrectedFamily.correct("group pairs", gaps, correction, 1 - level), rep, List.copyOf(cs), settings);
    }

    private Representation representation(List<Continuation> cs, RepresentationMeasures m) {
        List<String> texts = cs.stream().map(Continuation::text).toList();
        long[][] counts = m.groupCounts(texts);
        boolean[][] present = m.targetPresence(texts);
        int n = texts.size();
        int[] all = new int[n];
        for (int i = 0; i < n; i++) all[i] = i;
        Bootstrap b = new Bootstrap(Math.max(resamples, 10), seed + 17);
        Interval repCi = b.percentileInterval(n, idx -> RepresentationMeasures.representation(counts, idx), level);
        Interval assocCi = b.percentileInterval(n, idx -> RepresentationMeasures.association(counts, present, idx), level);
        Map<String, Long> mentions = new LinkedHashMap<>();
        int g = 0;
        for (String name : m.groupWords().keySet()) {
            long s = 0;
            for (long[] row : counts) s += row[g];
            mentions.put(name, s);
            g++;
        }
        return new Representation(RepresentationMeasures.representation(counts, all), repCi,
                RepresentationMeasures.association(counts, present, all), assocCi, mentions);
    }

    /**
     * Interval of the gap mean(x) − mean(y) between two groups' scores: two-sample percentile bootstrap (each group
     * resampled on its own, {@code seed} and {@code seed + 1}); it covers the difference in the model's expected score
     * between the groups over prompts like these.
     */
    public static Interval meanGapInterval(double[] x, double[] y, int resamples, long seed, double level) {
        double[] rx = new Bootstrap(resamples, seed).replicates(x.length, idx -> mean(x, idx));
        double[] ry = new Bootstrap(resamples, seed + 1).replicates(y.length, idx -> mean(y, idx));
        double[] diff = new double[rx.length];
        for (int k = 0; k < diff.length; k++) diff[k] = rx[k] - ry[k];
        return Bootstrap.percentiles(diff, level, "two-sample percentile bootstrap, " + diff.length + " resamples")
                .withEstimand("difference in the model's expected score between the two groups over prompts like these");
    }

    static double mean(double[] v, int[] idx) {
        double s = 0;
        if (idx == null) {
            for (double d : v) s += d;
            return s / v.length;
        }
        for (int i : idx) s += v[i];
        return s / idx.length;
    }
}
