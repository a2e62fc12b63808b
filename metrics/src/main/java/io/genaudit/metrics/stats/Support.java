package io.genaudit.metrics.stats;

/**
 * The range a statistic can take, and the scale on which genaudit's bias-centred bootstrap shifts its replicates so
 * that the interval stays inside that range: a share in [0, 1] is shifted on the logit scale, a non-negative
 * quantity on the log scale, an unbounded one as is. Values on a bound are pulled in by {@link #EDGE} first (so a
 * distinct-n of exactly 1 keeps an interval that ends at 1).
 */
public enum Support {
    /** Any real number: shift as is. */
    REAL("", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY),
    /** [0, ∞): shift on the log scale. */
    NON_NEGATIVE("log", 0, Double.POSITIVE_INFINITY),
    /** [0, 1]: shift on the logit scale. */
    UNIT("logit", 0, 1);

    /** How far inside a bound a value on it is placed before transforming. */
    public static final double EDGE = 1e-9;

    private final String scale;
    private final double min;
    private final double max;

    Support(String scale, double min, double max) {
        this.scale = scale;
        this.min = min;
        this.max = max;
    }

    /** The transform's name ("logit", "log"), empty for {@link #REAL}. */
    public String scale() {
        return scale;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    /** The value on the shifting scale. */
    public double forward(double x) {
        return switch (this) {
            case REAL -> x;
            case NON_NEGATIVE -> Math.log(Math.max(x, EDGE));
            case UNIT -> {
                double p = Math.min(Math.max(x, EDGE), 1 - EDGE);
                yield Math.log(p / (1 - p));
            }
        };
    }

    /** Back from the shifting scale, inside the range. */
    public double inverse(double y) {
        return switch (this) {
            case REAL -> y;
            case NON_NEGATIVE -> Math.exp(y);
            case UNIT -> 1 / (1 + Math.exp(-y));
        };
    }
}
