package io.genaudit.metrics.bias;

import io.genaudit.values.Interval;

import java.util.Locale;

/** Numbers and intervals as the bias reports print them, so headlines and tables read the same. */
public final class BiasText {
    private BiasText() {
    }

    /** 4 decimals; 3 significant digits when tiny or huge; "n/a" for NaN. */
    public static String number(double x) {
        if (Double.isNaN(x)) return "n/a";
        if (x != 0 && (Math.abs(x) < 1e-3 || Math.abs(x) >= 1e5)) return String.format(Locale.ROOT, "%.3g", x);
        return String.format(Locale.ROOT, "%.4f", x);
    }

    /** "[low, high]", or "" without an interval. */
    public static String interval(Interval c) {
        return c == null ? "" : "[" + number(c.low()) + ", " + number(c.high()) + "]";
    }
}
