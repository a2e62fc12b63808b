package io.genaudit.audits.compare;

import io.genaudit.audits.AuditModule;
import io.genaudit.audits.registry.Registry;

import java.util.Map;

/**
 * Which way is better for a metric, as its audit module declares it ({@link AuditModule#higherIsBetter()}, from the
 * metric's own {@code MetricInfo} for generated modules), so differences and baseline gates can say "worse" or
 * "better". A plan or the compare command can override it; a metric with no direction has none until told.
 */
public final class MetricDirection {
    private static volatile Map<String, AuditModule> modules;

    private MetricDirection() {
    }

    /** True when higher values of {@code metric} are better, false when lower are, null when unknown. */
    public static Boolean higherIsBetter(String metric) {
        Map<String, AuditModule> m = modules;
        if (m == null) modules = m = Registry.load().modules();
        AuditModule module = m.get(metric);
        return module == null ? null : module.higherIsBetter();
    }
}
