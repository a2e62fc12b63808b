package io.genaudit.audits.modules;

import io.genaudit.audits.Params;
import io.genaudit.audits.PlanException;
import io.genaudit.metrics.stats.MultipleComparisons;

/**
 * Reads and range-checks the plan parameters that several audit modules share ({@code level}, {@code bootstrap},
 * {@code correction}, positive counts such as {@code batch}), so each module rejects bad values with the same message.
 */
final class CheckedParams {
    private CheckedParams() {
    }

    /** {@code level} (default 0.95), which must lie strictly between 0 and 1. */
    static double level(Params p, String planFile) {
        double level = p.doubleParam("level", 0.95);
        if (!(level > 0 && level < 1)) throw new PlanException(planFile, p.prefix() + ".level", "a level in (0,1) expected, got " + level);
        return level;
    }

    /** {@code bootstrap} resamples: at least 10, or also 0 (no interval) when {@code zeroMeansOff}. */
    static int bootstrap(Params p, String planFile, int dflt, boolean zeroMeansOff) {
        int bootstrap = p.intParam("bootstrap", dflt);
        if (zeroMeansOff && bootstrap != 0 && bootstrap < 10) {
            throw new PlanException(planFile, p.prefix() + ".bootstrap", "0 (off) or at least 10 resamples expected, got " + bootstrap);
        }
        if (!zeroMeansOff && bootstrap < 10) throw new PlanException(planFile, p.prefix() + ".bootstrap", "at least 10 resamples expected, got " + bootstrap);
        return bootstrap;
    }

    /** An integer parameter that must be at least 1. */
    static int positiveInt(Params p, String planFile, String key, int dflt) {
        int v = p.intParam(key, dflt);
        if (v < 1) throw new PlanException(planFile, p.prefix() + "." + key, "a positive integer expected, got " + v);
        return v;
    }

    /** {@code correction}: holm (default), bh or none. */
    static MultipleComparisons.Method correction(Params p) {
        return MultipleComparisons.Method.parse(p.choiceParam("correction", "holm", "holm", "bh", "none"));
    }
}
