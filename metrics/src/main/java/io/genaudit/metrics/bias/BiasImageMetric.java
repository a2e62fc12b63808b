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
 * {@code bias-image}: the attribute distribution of a generator's images, as an attribute classifier reads them,
 * against a target (uniform or a labelled reference's shares): TVD, KL, DALL-Eval MAD, chi-square and per-class shares
 * with corrected tests; with labelled calibration images the shares are corrected for the classifier's confusion and
 * the bootstrap resamples both sets. The input is the classifier's predictions ({@link AttributePredictions}); the
 * state keeps every prediction by id.
 */
@MetricDescription(name = "bias-image", title = "Attribute distribution of generated images", direction = MetricInfo.Direction.LOWER_IS_BETTER,
        docPage = "docs/metrics/bias.md", summary = "The attribute distribution of generated images, read by an attribute classifier, against a target: TVD, KL, MAD, "
                + "chi-square and per-class shares with corrected tests.")
public final class BiasImageMetric implements StateMetric<BiasImageMetric.Params, AttributePredictions, AttributePredictionState, BiasImageMetric.Result> {

    /** bias-image's statistical parameters (classifier, attribute, target and samples belong to the inputs). */
    public record Params(
            @Param(help = "Multiple-comparison correction across the per-class tests.", dflt = "holm") MultipleComparisons.Method correction,
            @Param(help = "Confidence level of every interval; alpha = 1 - level.", dflt = "0.95", label = "P") double level,
            @Param(help = "Bootstrap resamples of the generated (and calibration) images.", dflt = "1000", min = 10) int bootstrap,
            @Param(help = "Seed of the bootstrap (plans: the run's seed; it also seeds the generated samples).", dflt = "0", runSeed = true) long seed) {
        public Params {
            Checks.level(level);
        }
    }

    /** Every condition's report, in condition order, for the report's tables and charts. */
    public record ConditionReports(String attribute, List<String> conditions, List<AttributeDistributionProbe.Report> reports) {
    }

    /**
     * The distance of the worst condition's distribution from the target, and the gap summary over every per-class test.
     *
     * @param value      total-variation distance of the worst condition (largest TVD)
     * @param n          generated images over all conditions
     * @param chiSquareP chi-square goodness-of-fit p of the worst condition (raw predicted counts)
     * @param maxAbsGap  largest |share - target| among significant per-class tests (0 when none)
     */
    public record Result(double value, long n, Interval ci, Double tvd, Double kl, Double mad, Double chiSquareP,
                         double maxAbsGap, String maxAbsGapGroup, double significantShare, long tests,
                         @Evidence ConditionReports reports, List<String> notes) implements MetricResult {
        @Override
        public String unit() {
            return "TVD";
        }
    }

    @Override
    public AttributePredictionState newState(Params params) {
        return new AttributePredictionState();
    }

    @Override
    public Result compute(AttributePredictionState state, Params p) {
        if (state.conditionLabels().isEmpty()) throw new InputException("samples", "no generated images were classified");
        ConditionReports reports = reports(state, p);
        AttributeDistributionProbe.Report worst = worst(reports.reports());
        GapSummary gaps = gaps(reports);
        long n = reports.reports().stream().mapToLong(AttributeDistributionProbe.Report::n).sum();
        String attribute = reports.attribute();
        Interval ci = worst.distances().tvdCi() == null ? null : worst.distances().tvdCi().withEstimand("TVD of the generator's " + attribute
                + " distribution from the target, as estimated from " + n + " generations (plug-in TVD is biased upwards at small n)");
        List<String> notes = new ArrayList<>();
        notes.add("value = total-variation distance between the generated images' " + attribute + " distribution and the target (largest over conditions); "
                + "chi-square is computed on raw predicted counts and ignores classifier error, the per-class tests and intervals use the " + worst.method() + " estimate.");
        var d = worst.distances();
        return new Result(d.tvd(), n, BiasLmMetric.finite(ci), BiasLmMetric.finite(d.tvd()), BiasLmMetric.finite(d.kl()), BiasLmMetric.finite(d.mad()),
                BiasLmMetric.finite(worst.chiSquare().pValue()), gaps.maxAbsGap(), gaps.maxAbsGapGroup(), gaps.significantShare(), gaps.tests(),
                reports, List.copyOf(notes));
    }

    /** One probe report per condition, all with the same bootstrap seed and the same calibration images. */
    private static ConditionReports reports(AttributePredictionState state, Params p) {
        AttributeFacts facts = state.facts();
        AttributeDistributionProbe probe = new AttributeDistributionProbe(p.correction(), p.level(), p.bootstrap(), p.seed());
        AttributeDistributionProbe.Calibration cal = state.calibration();
        List<AttributeDistributionProbe.Report> reports = new ArrayList<>();
        for (int[] predicted : state.conditionPredictions()) reports.add(probe.run(facts.classes(), predicted, facts.targetShares(), cal));
        return new ConditionReports(facts.attribute(), state.conditionLabels(), List.copyOf(reports));
    }

    /** The condition whose distribution is furthest from the target (the first of equals). */
    private static AttributeDistributionProbe.Report worst(List<AttributeDistributionProbe.Report> reports) {
        AttributeDistributionProbe.Report worst = null;
        for (var r : reports) if (worst == null || r.distances().tvd() > worst.distances().tvd()) worst = r;
        return worst;
    }

    /** Every per-class test of every condition: |share - target| of the significant ones, labelled "condition class". */
    private static GapSummary gaps(ConditionReports c) {
        GapSummary sum = new GapSummary();
        for (int i = 0; i < c.reports().size(); i++) {
            var r = c.reports().get(i);
            for (GroupEffect g : r.perClass().rows()) {
                sum.add(c.conditions().get(i) + " " + g.group(), Math.abs(g.effect() - r.target()[r.classes().indexOf(g.group())]), g.significant());
            }
        }
        return sum;
    }
}
