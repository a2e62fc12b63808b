package io.genaudit.reports.format;

import io.genaudit.values.Interval;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Formats numbers for people the same way in every renderer (HTML, Markdown, JUnit XML): four significant digits,
 * scientific notation only for very large or very small magnitudes, and an explicit word for missing values.
 */
public final class Numbers {
    /** Shown where a number is absent (null) in a human-readable output. */
    public static final String MISSING = "—";

    private Numbers() {
    }

    /** {@code d} to 4 significant digits ("12.35", "0.001235", "1.235e+07", "NaN"); integers up to 1e15 in full ("12,800"). */
    public static String format(double d) {
        if (Double.isNaN(d)) return "NaN";
        if (Double.isInfinite(d)) return d > 0 ? "∞" : "−∞";
        if (d == 0) return "0";
        double a = Math.abs(d);
        if (d == Math.rint(d) && a < 1e15) return String.format(Locale.ROOT, a >= 1e4 ? "%,d" : "%d", (long) d);
        if (a >= 1e7 || a < 1e-4) return String.format(Locale.ROOT, "%.3e", d).replace("e+0", "e+").replace("e-0", "e-");
        BigDecimal b = new BigDecimal(d).round(new MathContext(4, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        return b.toPlainString();
    }

    /** Like {@link #format(double)}, {@link #MISSING} for null. */
    public static String format(Double d) {
        return d == null ? MISSING : format(d.doubleValue());
    }

    /** A value with its unit, e.g. "3.412 nats"; {@link #MISSING} when the value is null. */
    public static String withUnit(Double value, String unit) {
        if (value == null) return MISSING;
        String v = format(value.doubleValue());
        if (unit == null || unit.isBlank()) return v;
        return unit.equals("%") ? v + "%" : v + " " + unit;
    }

    /** The bounds of an interval, e.g. "[3.1, 3.7]"; {@link #MISSING} when absent. */
    public static String bounds(Interval ci) {
        if (ci == null) return MISSING;
        return "[" + format(ci.low()) + ", " + format(ci.high()) + "]";
    }

    /** The level of an interval as a percentage, e.g. "95%"; {@link #MISSING} when absent. */
    public static String level(Interval ci) {
        if (ci == null) return MISSING;
        return format(ci.level() * 100) + "%";
    }

    /**
     * The sentence shown beside an interval, e.g. "The interval covers the expected FID at 300 real and 300 generated
     * samples."; null when the interval or its estimand is absent (records written before estimands were stored).
     */
    public static String estimandSentence(Interval ci) {
        if (ci == null || ci.estimand() == null || ci.estimand().isBlank()) return null;
        String e = ci.estimand().strip();
        return "The interval covers the " + (e.startsWith("the ") ? e.substring(4) : e) + (e.endsWith(".") ? "" : ".");
    }

    /** e.g. "95% CI [3.1, 3.7]"; {@link #MISSING} when absent. */
    public static String interval(Interval ci) {
        if (ci == null) return MISSING;
        return level(ci) + " CI " + bounds(ci);
    }

    /** A count with thousands separators ("12,800"); {@link #MISSING} for null. */
    public static String count(Long n) {
        return n == null ? MISSING : String.format(Locale.ROOT, "%,d", n);
    }

    /** A duration in seconds for tables: "0.42 s", "12.3 s", "4 min 05 s", "1 h 02 min". */
    public static String seconds(double s) {
        if (Double.isNaN(s)) return MISSING;
        if (s < 60) return format(s) + " s";
        long t = Math.round(s);
        if (t < 3600) return String.format(Locale.ROOT, "%d min %02d s", t / 60, t % 60);
        return String.format(Locale.ROOT, "%d h %02d min", t / 3600, (t % 3600) / 60);
    }

    /** The gate's condition in symbols, e.g. "≤ 40" for {@code max}, "≥ 0.8" for {@code min}; other ops by name. */
    public static String gateCondition(String op, double threshold) {
        String t = format(threshold);
        if (op == null) return t;
        return switch (op) {
            case "max" -> "≤ " + t;
            case "min" -> "≥ " + t;
            default -> op + " " + t;
        };
    }
}
