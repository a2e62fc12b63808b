package io.genaudit.audits.compare;

import java.util.Map;

/**
 * Which way is better for each metric, so differences and baseline gates can say "worse" or "better". A plan or the
 * compare command can override it; a metric not listed here has no direction until told.
 */
public final class MetricDirection {
    private static final Map<String, Boolean> HIGHER_IS_BETTER = Map.ofEntries(
            Map.entry("perplexity", false),
            Map.entry("fid", false),
            Map.entry("kid", false),
            Map.entry("inception-score", true),
            Map.entry("prdc", true),
            Map.entry("diversity", true),
            Map.entry("bias-lm", false),
            Map.entry("bias-image", false),
            Map.entry("detectability", true),
            Map.entry("echo", false));

    private MetricDirection() {
    }

    /** True when higher values of {@code metric} are better, false when lower are, null when unknown. */
    public static Boolean higherIsBetter(String metric) {
        return HIGHER_IS_BETTER.get(metric);
    }
}
