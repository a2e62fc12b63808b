package io.genaudit.audits.coverage;

import io.genaudit.values.Interval;

/**
 * What a coverage case checks, as its table row names it.
 *
 * @param name     short name, e.g. "FID, d=8, N=300"
 * @param method   the interval method (as genaudit names it) and its settings
 * @param low      the lowest value the estimated quantity can take (intervals must stay inside the range)
 * @param high     the highest value it can take
 * @param contrast true for a row shown for contrast only (an interval judged against a target that is not its estimand)
 */
public record CaseLabel(String name, String method, double low, double high, boolean contrast) {
    /** A case judged against its own estimand. */
    public static CaseLabel of(String name, String method, double low, double high) {
        return new CaseLabel(name, method, low, high, false);
    }

    /** Whether {@code ci} stays inside the quantity's range. */
    public boolean inRange(Interval ci) {
        return !(ci.low() < low || ci.high() > high);
    }
}
