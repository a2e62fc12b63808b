package io.genaudit.metrics.stats;

/** A confidence interval at {@code level} with the method that produced it (shown in reports). */
public record ConfidenceInterval(double level, double low, double high, String method) {
    public boolean contains(double x) {
        return x >= low && x <= high;
    }
}
