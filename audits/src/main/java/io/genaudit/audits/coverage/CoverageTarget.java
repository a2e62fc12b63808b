package io.genaudit.audits.coverage;

/**
 * The value a coverage case's intervals should cover, and how it was obtained.
 *
 * @param value  the target
 * @param source e.g. "analytic" or "mean of 2000 simulated FIDs (SE 0.002)"
 */
public record CoverageTarget(double value, String source) {
}
