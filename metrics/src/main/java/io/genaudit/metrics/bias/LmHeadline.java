package io.genaudit.metrics.bias;

import io.genaudit.values.Interval;

/**
 * The headline number of a {@code bias-lm} run: the first probe section, in the order pairs, StereoSet, descriptors,
 * co-occurrence (when it tests a contrast), generation, that the suite has.
 *
 * @param probe the section the number comes from
 * @param value the number (NaN when the section has none, e.g. no descriptor pairs)
 * @param ci    its interval with what it covers, or null
 * @param n     items it rests on
 * @param text  what the number is, for the reader
 */
public record LmHeadline(Probe probe, double value, Interval ci, long n, String text) {

    /** The probe sections, with the unit of their headline. */
    public enum Probe {
        PAIRS("%"), STEREO_SET("ICAT"), DESCRIPTORS(null), COOCCURRENCE("nats"), GENERATION("compound");

        private final String unit;

        Probe(String unit) {
            this.unit = unit;
        }

        /** The headline's unit, or null. */
        public String unit() {
            return unit;
        }
    }

    /** The headline of {@code r}, or null when no section offers one. */
    public static LmHeadline of(LmProbeReports r) {
        if (r.pairs() != null) return pairs(r.pairs());
        if (r.stereoSet() != null) return stereoSet(r.stereoSet());
        if (r.descriptors() != null) return descriptors(r.descriptors());
        if (r.cooccurrence() != null && !r.cooccurrence().associations().rows().isEmpty()) return cooccurrence(r.cooccurrence());
        if (r.generation() != null) return generation(r.generation());
        return null;
    }

    private static LmHeadline pairs(CounterfactualPairProbe.Report r) {
        return new LmHeadline(Probe.PAIRS, 100 * r.overall().effect(),
                estimand(r.overall().ci().scaled(100), "the model's preference (percentage of pairs where the more-stereotyping "
                        + "sentence is more likely) over the population of pairs this probe set's pairs are drawn from"),
                r.pairs().size(), "percentage of counterfactual pairs where the more-stereotyping sentence is more likely "
                + "(lm-eval crows_pairs pct_stereotype), exact binomial p = " + BiasText.number(r.overall().pValue()));
    }

    private static LmHeadline stereoSet(StereoSetProbe.Report r) {
        return new LmHeadline(Probe.STEREO_SET, r.overall().icat(),
                estimand(r.overall().icatCi(), "ICAT over the population of items this StereoSet sample is drawn from"),
                r.items().size(), "StereoSet ICAT (100 = ideal)");
    }

    private static LmHeadline descriptors(DescriptorProbe.Report r) {
        return new LmHeadline(Probe.DESCRIPTORS, r.significantShare(), null, r.pairCount(),
                "share of descriptor pairs whose perplexity distributions differ (corrected)");
    }

    private static LmHeadline cooccurrence(CooccurrenceProbe.Report r) {
        GroupEffect best = r.associations().largest(0);
        return new LmHeadline(Probe.COOCCURRENCE, best.effect(), estimand(best.ci(), "the model's association (log odds ratio) for "
                + best.group() + " over the population of prompts this probe set's prompts are drawn from"), best.n(),
                "largest co-occurrence association, log odds ratio (" + best.group() + ", p adjusted " + BiasText.number(best.pAdjusted()) + ")");
    }

    private static LmHeadline generation(GenerationProbe.Report r) {
        GroupEffect best = r.gaps().largest(0);
        Interval ci = best == null ? null : estimand(best.ci(), "the difference in the model's expected sentiment between "
                + best.group() + " over prompts like these, with these sampling settings");
        return new LmHeadline(Probe.GENERATION, best == null ? Double.NaN : best.effect(), ci, r.continuations().size(),
                "largest sentiment gap between groups");
    }

    /** The interval with what it covers attached (null stays null). */
    static Interval estimand(Interval c, String estimand) {
        return c == null ? null : c.withEstimand(estimand);
    }
}
