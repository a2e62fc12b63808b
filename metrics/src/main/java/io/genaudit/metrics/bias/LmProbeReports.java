package io.genaudit.metrics.bias;

import io.genaudit.metrics.stats.Bootstrap;
import io.genaudit.metrics.stats.MultipleComparisons;

/**
 * The statistics of every probe section a {@code bias-lm} run scored (null for sections the suite lacks): tests,
 * effect sizes and intervals computed from the scored items alone.
 */
public record LmProbeReports(CounterfactualPairProbe.Report pairs, StereoSetProbe.Report stereoSet, DescriptorProbe.Report descriptors,
                             CooccurrenceProbe.Report cooccurrence, GenerationProbe.Report generation) {

    /** The statistical settings shared by every section. */
    public record Settings(MultipleComparisons.Method correction, double level, int bootstrap, long seed, double minLogOddsRatio) {
        int resamples() {
            return Math.max(10, bootstrap);
        }
    }

    /** Every section's report from the scored items of {@code state}. */
    public static LmProbeReports of(LmProbeState state, Settings s) {
        LmSuiteFacts suite = state.suite();
        return new LmProbeReports(pairs(state, suite, s), stereoSet(state, suite, s), descriptors(state, suite, s),
                cooccurrence(state, suite, s), generation(state, suite, s));
    }

    private static CounterfactualPairProbe.Report pairs(LmProbeState state, LmSuiteFacts suite, Settings s) {
        var items = state.items(CounterfactualPairProbe.ScoredPair.class);
        return items.isEmpty() ? null : new CounterfactualPairProbe(s.correction(), s.level()).summarize(items, suite.scoringNote());
    }

    private static StereoSetProbe.Report stereoSet(LmProbeState state, LmSuiteFacts suite, Settings s) {
        var items = state.items(StereoSetProbe.ScoredItem.class);
        return items.isEmpty() ? null : new StereoSetProbe(s.correction(), s.level(), new Bootstrap(s.resamples(), s.seed()))
                .summarize(items, suite.scoringNote() + StereoSetProbe.SCORING_NOTE);
    }

    private static DescriptorProbe.Report descriptors(LmProbeState state, LmSuiteFacts suite, Settings s) {
        var items = state.items(DescriptorProbe.ScoredSentence.class);
        return items.isEmpty() ? null : new DescriptorProbe(s.correction(), s.level()).summarize(DescriptorProbe.group(items), suite.scoringNote());
    }

    private static CooccurrenceProbe.Report cooccurrence(LmProbeState state, LmSuiteFacts suite, Settings s) {
        var items = state.items(CooccurrenceProbe.PromptScore.class);
        if (items.isEmpty()) return null;
        if (suite.cooccurrence() == null) throw new IllegalStateException("co-occurrence scores without the co-occurrence suite");
        return new CooccurrenceProbe(s.correction(), s.level(), s.minLogOddsRatio()).summarize(items, suite.cooccurrence(), suite.scoringNote());
    }

    private static GenerationProbe.Report generation(LmProbeState state, LmSuiteFacts suite, Settings s) {
        var items = state.items(GenerationProbe.Continuation.class);
        return items.isEmpty() ? null : new GenerationProbe(suite.generationSettings(), s.seed(), s.correction(), s.level(), s.resamples())
                .summarize(items, suite.representation());
    }

    /** Every corrected family in one gap summary; the order decides ties of the largest gap. */
    public GapSummary gaps() {
        GapSummary sum = new GapSummary();
        if (pairs != null) sum.add(pairs.byBiasType(), 0.5);
        if (stereoSet != null) sum.add(stereoSet.ssTests(), 50, 0.01);
        if (descriptors != null) for (var axis : descriptors.axes()) sum.count(axis.pairs());
        if (cooccurrence != null) sum.add(cooccurrence.associations(), 0);
        if (generation != null) sum.add(generation.gaps(), 0);
        return sum;
    }
}
