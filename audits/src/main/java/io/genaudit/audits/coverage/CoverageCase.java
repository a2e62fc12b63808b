package io.genaudit.audits.coverage;

import io.genaudit.values.Interval;

import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * One interval method under test: a simulation that draws a data set with a known target from a seed and runs
 * genaudit's own code path on it. {@link CoverageRunner} repeats it and counts how often the interval misses the
 * target. Each {@code *Coverage} class builds the cases of one method.
 *
 * @param label      what is checked: name, interval method, the quantity's range, contrast flag
 * @param target     computes the target the interval should cover (analytically or by a large simulation), once per run
 * @param simulation the interval from one simulated data set drawn with the given seed
 */
public record CoverageCase(CaseLabel label, Supplier<CoverageTarget> target, LongFunction<Interval> simulation) {
    /** Short name shown in the table, e.g. "FID, d=8, N=300". */
    public String name() {
        return label.name();
    }
}
