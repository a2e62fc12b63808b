package io.genaudit.audits.coverage;

import io.genaudit.values.Interval;

/**
 * One interval method under test: simulates a data set with a known target from a seed and runs genaudit's own code
 * path on it. {@link CoverageRunner} repeats it and counts how often the interval misses the target.
 */
public interface CoverageCase {
    /** Short name shown in the table, e.g. "FID, d=8, N=300". */
    String name();

    /** The interval method (as genaudit names it) and its settings. */
    String method();

    /** The target the interval should cover, computed analytically or by a large simulation. */
    double target();

    /** How {@link #target()} was obtained, e.g. "analytic" or "mean of 2000 simulated FIDs (SE 0.002)". */
    String targetSource();

    /** The range the estimated quantity cannot leave (the interval must stay inside it). */
    default double[] range() {
        return new double[]{Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
    }

    /** True for a row shown for contrast only (an interval judged against a target that is not its estimand). */
    default boolean contrast() {
        return false;
    }

    /** The interval from one simulated data set drawn with {@code seed}. */
    Interval interval(long seed);
}
