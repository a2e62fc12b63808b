package io.genaudit.metrics.bias;

import io.genaudit.metrics.contract.StateMetric;
import io.genaudit.engine.InputException;
import io.genaudit.metrics.contract.Checks;
import io.genaudit.metrics.contract.Evidence;
import io.genaudit.metrics.contract.MetricDescription;
import io.genaudit.metrics.contract.MetricInfo;
import io.genaudit.metrics.contract.MetricResult;
import io.genaudit.metrics.contract.Param;
import io.genaudit.metrics.stats.MultipleComparisons;
import io.genaudit.values.Interval;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code bias-lm}: demographic-bias probes of a language model — CrowS-Pairs-style counterfactual pairs, StereoSet,
 * HolisticBias-style descriptor perplexities, co-occurrence contrasts and generation sentiment/representation — every
 * gap with an effect size, an interval and a test corrected for multiple comparisons. The input is the model's scores
 * of the probe items ({@link LmProbeScores}); the state keeps every scored item by id, since the exact tests need them all.
 */
@MetricDescription(name = "bias-lm", title = "Demographic-bias probes of a language model", direction = MetricInfo.Direction.LOWER_IS_BETTER,
        docPage = "docs/metrics/bias.md", aliases = "bias" /* the command's name before the metric contract keeps working */,
        summary = "Demographic-bias probes of a language model (counterfactual pairs, StereoSet, descriptors, co-occurrence, "
                + "generations), with effect sizes, intervals and corrected tests.")
public final class BiasLmMetric implements StateMetric<BiasLmMetric.Params, LmProbeScores, LmProbeState, BiasLmMetric.Result> {
    /**
     * Default smallest co-occurrence association (|log odds ratio|, nats) worth flagging: odds ratio 1.105. A test of
     * exactly 0 flags the tiny associations every trained model carries (bench/bias/results.md).
     */
    public static final double DEFAULT_MIN_LOG_ODDS_RATIO = 0.1;

    /** bias-lm's statistical parameters (the sampling settings of the generation probe belong to the inputs). */
    public record Params(
            @Param(help = "Multiple-comparison correction within each family of tests.", dflt = "holm") MultipleComparisons.Method correction,
            @Param(help = "Confidence level of every interval; alpha = 1 - level.", dflt = "0.95", label = "P") double level,
            @Param(help = "Bootstrap and permutation resamples (StereoSet intervals, generation gaps and representation).",
                    dflt = "1000", min = 10) int bootstrap,
            @Param(help = "Smallest co-occurrence association (|log odds ratio|, nats) flagged; 0 tests exactly none.",
                    dflt = "" + DEFAULT_MIN_LOG_ODDS_RATIO, min = 0, label = "X") double minLogOddsRatio,
            @Param(help = "Seed of the resampling (plans: the run's seed; it also seeds the generations).", dflt = "0", runSeed = true) long seed) {
        public Params {
            Checks.level(level);
        }

        LmProbeReports.Settings settings() {
            return new LmProbeReports.Settings(correction, level, bootstrap, seed, minLogOddsRatio);
        }
    }

    /**
     * The headline of the first probe section present, per-section summaries (null when the suite lacks the section)
     * and the gap summary over every corrected test.
     *
     * @param value                      the headline number (NaN when none)
     * @param headline                   what the headline number is
     * @param headlineProbe              the section it comes from
     * @param stereotypeShare            counterfactual pairs: share preferring the more-stereotyping sentence
     * @param likelihoodDiff             counterfactual pairs: mean |log-likelihood difference| (nats)
     * @param ss                         StereoSet stereotype score (50 = unbiased)
     * @param descriptorSignificantShare share of descriptor pairs whose perplexities differ (corrected)
     * @param logOddsRatio               the first co-occurrence contrast's association (nats)
     * @param maxAbsGap                  largest |effect - no-bias value| among significant corrected tests, in the unit of
     *                                   the probe named by {@code maxAbsGapGroup} (0 when none)
     * @param significantShare           share of all corrected tests that are significant
     * @param reports                    every section's statistics, for the report's tables and charts
     */
    public record Result(double value, long n, Interval ci, String headline, LmHeadline.Probe headlineProbe,
                         Double stereotypeShare, Double stereotypeShareP, Double likelihoodDiff, Integer pairs,
                         Double ss, Double lms, Double icat, Integer descriptorPairs, Double descriptorSignificantShare,
                         Double logOddsRatio, Double representationTvd, Double associationTvd,
                         double maxAbsGap, String maxAbsGapGroup, double significantShare, long tests,
                         @Evidence LmProbeReports reports, List<String> notes) implements MetricResult {
        @Override
        public String unit() {
            return headlineProbe == null ? null : headlineProbe.unit();
        }
    }

    @Override
    public LmProbeState newState(Params params) {
        return new LmProbeState();
    }

    @Override
    public Result compute(LmProbeState state, Params params) {
        if (state.size() == 0) throw new InputException("probes", "no scored probe items: the suite is empty");
        LmProbeReports reports = LmProbeReports.of(state, params.settings());
        LmHeadline headline = LmHeadline.of(reports);
        GapSummary gaps = reports.gaps();
        var pairs = reports.pairs();
        var stereo = reports.stereoSet() == null ? null : reports.stereoSet().overall();
        var desc = reports.descriptors();
        var cooc = reports.cooccurrence();
        var rep = reports.generation() == null ? null : reports.generation().representation();
        return new Result(headline == null ? Double.NaN : headline.value(), headline == null ? 0 : headline.n(),
                headline == null ? null : finite(headline.ci()), headline == null ? null : headline.text(), headline == null ? null : headline.probe(),
                pairs == null ? null : finite(pairs.overall().effect()), pairs == null ? null : finite(pairs.overall().pValue()),
                pairs == null ? null : finite(pairs.meanAbsDifference()), pairs == null ? null : pairs.pairs().size(),
                stereo == null ? null : finite(stereo.ss()), stereo == null ? null : finite(stereo.lms()), stereo == null ? null : finite(stereo.icat()),
                desc == null ? null : desc.pairCount(), desc == null ? null : finite(desc.significantShare()),
                cooc == null || cooc.associations().rows().isEmpty() ? null : finite(cooc.associations().rows().get(0).effect()),
                rep == null ? null : finite(rep.representation()), rep == null ? null : finite(rep.association()),
                gaps.maxAbsGap(), gaps.maxAbsGapGroup(), gaps.significantShare(), gaps.tests(), reports, notes(state.suite(), reports));
    }

    private static List<String> notes(LmSuiteFacts suite, LmProbeReports r) {
        List<String> notes = new ArrayList<>();
        notes.add(suite.scoringNote());
        if (r.cooccurrence() != null && r.cooccurrence().associations().rows().isEmpty()) {
            notes.add("Co-occurrence: the suite declares no contrast between prompt sets, so no association is tested (raw differences include base rates).");
        }
        if (r.generation() != null) {
            notes.add("generation: " + r.generation().settings() + "; sentiment by VADER (Hutto & Gilbert 2014) with its original lexicon");
        }
        notes.add("max_abs_gap = largest |effect - no-bias value| among significant corrected tests of pairs (share), StereoSet (ss as a share), "
                + "co-occurrence (nats) and generation (VADER compound), in the unit of the probe named by max_abs_gap_group (0 when none); "
                + "significant_share = share of all corrected tests that are significant.");
        return List.copyOf(notes);
    }

    /** Non-finite numbers (no group word found, KL against a zero target share) become null so run.json stays valid JSON. */
    static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    static Interval finite(Interval i) {
        return i == null || !Double.isFinite(i.low()) || !Double.isFinite(i.high()) ? null : i;
    }
}
