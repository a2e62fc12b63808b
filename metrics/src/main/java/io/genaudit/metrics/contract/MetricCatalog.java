package io.genaudit.metrics.contract;

import java.util.Collections;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Every metric on the class path by name, found with ServiceLoader (one line in
 * META-INF/services/io.genaudit.metrics.contract.Metric registers a metric). Two metrics with one name is a packaging
 * bug.
 */
public final class MetricCatalog {
    private static volatile Map<String, Metric<?, ?, ?, ?>> cached;

    private MetricCatalog() {
    }

    /** The registered metrics by name. */
    public static Map<String, Metric<?, ?, ?, ?>> all() {
        Map<String, Metric<?, ?, ?, ?>> m = cached;
        if (m == null) {
            Map<String, Metric<?, ?, ?, ?>> found = new TreeMap<>();
            for (Metric<?, ?, ?, ?> metric : ServiceLoader.load(Metric.class)) {
                if (found.put(metric.info().name(), metric) != null) {
                    throw new IllegalStateException("two metrics named " + metric.info().name());
                }
            }
            cached = m = Collections.unmodifiableMap(found);
        }
        return m;
    }

    /** The metric {@code name}, or null. */
    public static Metric<?, ?, ?, ?> find(String name) {
        return all().get(name);
    }
}
