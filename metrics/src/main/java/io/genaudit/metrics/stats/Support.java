package io.genaudit.metrics.stats;

/**
 * The range a statistic can take, and the scale on which genaudit builds its interval so that it stays inside that
 * range: logit for a share in [0, 1], log for a non-negative quantity, none for an unbounded one
 * ({@link #deltaInterval} for half-sampling, {@link #forward}/{@link #inverse} for the jackknife). Values on a bound
 * are pulled in by {@link #EDGE} before {@link #forward}.
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

    /**
     * The derivative of {@link #forward} at {@code x} (delta method: an SD on the original scale times this is the SD
     * on the transformed scale); infinite on a bound.
     */
    public double slope(double x) {
        return switch (this) {
            case REAL -> 1;
            case NON_NEGATIVE -> 1 / x;
            case UNIT -> 1 / (x * (1 - x));
        };
    }

    /**
     * The interval estimate ± z·sd built on the transformed scale by the delta method and mapped back, so it stays
     * inside the range; for an estimate on a bound (no transform there) the untransformed interval clipped to the range.
     */
    public double[] deltaInterval(double estimate, double sd, double z) {
        double slope = slope(estimate);
        if (!Double.isFinite(slope)) {
            return new double[]{Math.max(min, estimate - z * sd), Math.min(max, estimate + z * sd)};
        }
        double centre = forward(estimate);
        double half = z * sd * Math.abs(slope);
        return new double[]{Math.min(estimate, inverse(centre - half)), Math.max(estimate, inverse(centre + half))};
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
