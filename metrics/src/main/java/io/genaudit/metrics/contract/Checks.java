package io.genaudit.metrics.contract;

/**
 * Range checks several metrics' parameter records share, so each rejects a bad {@code level} or {@code bootstrap}
 * with the same message. Call them from a record's compact constructor.
 */
public final class Checks {
    private Checks() {
    }

    /** A confidence level strictly between 0 and 1. */
    public static void level(double level) {
        if (!(level > 0 && level < 1)) throw new ParamException("level", "a level in (0, 1) expected, got " + level);
    }

    /** The usual interval parameters: {@link #bootstrapOrOff} resamples and a {@link #level}. */
    public static void interval(int bootstrap, double level) {
        bootstrapOrOff(bootstrap);
        level(level);
    }

    /** Bootstrap resamples: 0 (no interval) or at least 10. */
    public static void bootstrapOrOff(int bootstrap) {
        if (bootstrap != 0 && bootstrap < 10) {
            throw new ParamException("bootstrap", "0 (off) or at least 10 resamples expected, got " + bootstrap);
        }
    }
}
