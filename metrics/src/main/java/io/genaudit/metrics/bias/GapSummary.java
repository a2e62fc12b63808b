package io.genaudit.metrics.bias;

/**
 * The gateable summary across every corrected test family of a bias audit: the share of tests that are significant
 * and the largest |effect - no-bias value| among the significant ones, with the group it belongs to.
 */
public final class GapSummary {
    private long tests;
    private long significant;
    private double maxAbsGap = Double.NaN;
    private String maxGapGroup;

    /** Counts a family's tests and takes its significant gaps from {@code reference}, in the family's unit. */
    public GapSummary add(CorrectedFamily fam, double reference) {
        return add(fam, reference, 1.0);
    }

    /** As {@link #add(CorrectedFamily, double)}, with {@code scale} converting the effect unit (StereoSet's percent to a share). */
    public GapSummary add(CorrectedFamily fam, double reference, double scale) {
        for (GroupEffect g : fam.rows()) add(g.group(), Math.abs(g.effect() - reference) * scale, g.significant());
        return this;
    }

    /** Counts a family's tests without offering its effects as gaps (effects in a unit no gap compares with). */
    public GapSummary count(CorrectedFamily fam) {
        tests += fam.rows().size();
        significant += fam.significantCount();
        return this;
    }

    /** One test: its group label, its |gap| and whether it is significant. */
    public GapSummary add(String group, double absGap, boolean isSignificant) {
        tests++;
        if (!isSignificant) return this;
        significant++;
        if (Double.isNaN(maxAbsGap) || absGap > maxAbsGap) {
            maxAbsGap = absGap;
            maxGapGroup = group;
        }
        return this;
    }

    /** The largest significant |gap|, 0 when none is significant. */
    public double maxAbsGap() {
        return Double.isNaN(maxAbsGap) ? 0.0 : maxAbsGap;
    }

    /** The group of {@link #maxAbsGap()}, or "none significant". */
    public String maxAbsGapGroup() {
        return maxGapGroup == null ? "none significant" : maxGapGroup;
    }

    /** Share of all tests that are significant (0 without tests). */
    public double significantShare() {
        return tests == 0 ? 0.0 : (double) significant / tests;
    }

    /** How many tests were counted. */
    public long tests() {
        return tests;
    }
}
