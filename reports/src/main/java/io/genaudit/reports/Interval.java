package io.genaudit.reports;

/** A confidence interval: {@code level} (e.g. 0.95) and its bounds, plus how it was obtained (e.g. "bootstrap over documents, 1000 resamples"). */
public record Interval(double level, double low, double high, String method) {
}
