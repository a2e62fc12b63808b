package io.genaudit.audits.registry;

import io.genaudit.audits.AuditModule;
import io.genaudit.audits.ModelProvider;
import io.genaudit.audits.metric.MetricAuditModule;
import io.genaudit.metrics.contract.Metric;
import io.genaudit.metrics.contract.MetricCatalog;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The audit modules and model providers found on the class path (ServiceLoader), by metric name and model type: the
 * modules generated from every catalogued {@link Metric} and the hand-written ones.
 */
public record Registry(Map<String, AuditModule> modules, Map<String, ModelProvider> providers) {

    /** Loads every registered module and provider; two claiming the same name is a packaging bug. */
    /**
     * Whether higher values of {@code metric} are better (true), lower (false) or neither/unknown (null), as its audit
     * module declares it (for generated modules: the metric's own {@code MetricInfo}); comparisons and baseline gates
     * say "better" or "worse" by it.
     */
    public static Boolean higherIsBetter(String metric) {
        AuditModule module = Directions.MODULES.get(metric);
        return module == null ? null : module.higherIsBetter();
    }

    /** The modules, loaded once for direction lookups. */
    private static final class Directions {
        static final Map<String, AuditModule> MODULES = load().modules();
    }

    public static Registry load() {
        Map<String, AuditModule> modules = new TreeMap<>();
        for (AuditModule m : ServiceLoader.load(AuditModule.class)) {
            if (modules.put(m.metric(), m) != null) throw new IllegalStateException("two audit modules named " + m.metric());
        }
        for (Metric<?, ?, ?, ?> metric : MetricCatalog.all().values()) {
            AuditModule m = MetricAuditModule.of(metric);
            if (modules.put(m.metric(), m) != null) throw new IllegalStateException("two audit modules named " + m.metric());
        }
        Map<String, ModelProvider> providers = new TreeMap<>();
        for (ModelProvider p : ServiceLoader.load(ModelProvider.class)) {
            for (String t : p.types()) {
                if (providers.put(t, p) != null) throw new IllegalStateException("two model providers for type " + t);
            }
        }
        return new Registry(modules, providers);
    }
}
