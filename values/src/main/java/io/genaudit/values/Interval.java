package io.genaudit.values;

import java.util.Locale;

/**
 * genaudit's one confidence-interval type, used by the metric computations and stored in the run record: the bounds
 * at {@code level}, how they were obtained and what they are an interval <em>for</em>. The estimand matters because
 * several of genaudit's statistics are biased at finite sample size (FID, distinct-n): an interval that covers "the
 * FID you would get again with this many samples" does not cover the distributions' FID.
 *
 * @param level    the nominal coverage, e.g. 0.95
 * @param low      lower bound
 * @param high     upper bound
 * @param method   how it was obtained, e.g. "percentile bootstrap over documents, 1000 resamples", "Wilson score"
 * @param estimand one sentence naming the quantity the interval is meant to cover, e.g. "expected FID at 300 real
 *                 and 300 generated samples"; null only in run records written before estimands were recorded
 */
public record Interval(double level, double low, double high, String method, String estimand) {

    /** An interval whose estimand the caller attaches later with {@link #withEstimand} (generic statistics). */
    public Interval(double level, double low, double high, String method) {
        this(level, low, high, method, null);
    }

    /** Whether {@code x} lies inside the closed interval. */
    public boolean contains(double x) {
        return x >= low && x <= high;
    }

    /** The same bounds, with the quantity they cover. */
    public Interval withEstimand(String e) {
        return new Interval(level, low, high, method, e);
    }

    /** The same bounds and estimand, with another method text. */
    public Interval withMethod(String m) {
        return new Interval(level, low, high, m, estimand);
    }

    /** The bounds multiplied by {@code factor} (e.g. 100 for a percentage); method and estimand unchanged. */
    public Interval scaled(double factor) {
        return new Interval(level, factor * low, factor * high, method, estimand);
    }

    /** The bounds clipped to {@code [min, max]}, for a quantity that cannot leave that range. */
    public Interval clippedTo(double min, double max) {
        return new Interval(level, Math.max(min, Math.min(max, low)), Math.max(min, Math.min(max, high)), method, estimand);
    }

    /** A one-line description: "95% CI [a, b] for ESTIMAND (METHOD)". */
    public String describe() {
        return String.format(Locale.ROOT, "%.0f%% CI [%.4g, %.4g]%s%s", 100 * level, low, high,
                estimand == null ? "" : " for " + estimand, method == null ? "" : " (" + method + ")");
    }
}
