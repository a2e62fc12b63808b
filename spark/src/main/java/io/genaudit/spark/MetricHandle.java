package io.genaudit.spark;

import io.genaudit.metrics.contract.Metric;
import io.genaudit.metrics.contract.MetricCatalog;

import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A metric named so that another JVM can rebuild it: metric objects need not be {@link Serializable} (most hold
 * nothing, some hold caches), so a Spark task carries the class name and each executor makes (and keeps) one instance,
 * the one {@link MetricCatalog} registered when there is one. This is what keeps "Task not serializable" away from
 * every metric.
 *
 * @param className the metric's class; it needs a public no-argument constructor (ServiceLoader's rule too)
 */
public record MetricHandle(String className) implements Serializable {
    private static final Map<String, Metric<?, ?, ?, ?>> INSTANCES = new ConcurrentHashMap<>();

    /** The handle of {@code metric}; throws IllegalArgumentException when an executor could not rebuild it. */
    public static MetricHandle of(Metric<?, ?, ?, ?> metric) {
        Class<?> c = metric.getClass();
        if (c.isAnonymousClass() || c.isLocalClass() || c.isSynthetic() || !Modifier.isPublic(c.getModifiers())
                || (c.getEnclosingClass() != null && !Modifier.isStatic(c.getModifiers()))) {
            throw new IllegalArgumentException("metric " + metric.info().name() + " (" + c.getName()
                    + ") cannot run on Spark: executors rebuild a metric from its class, which must be a public top-level or static nested class");
        }
        try {
            c.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("metric " + metric.info().name() + " (" + c.getName()
                    + ") cannot run on Spark: executors rebuild a metric from its class, which needs a public no-argument constructor");
        }
        INSTANCES.putIfAbsent(c.getName(), metric);
        return new MetricHandle(c.getName());
    }

    /** This JVM's instance of the metric: the catalog's, or one made from the class. */
    public Metric<?, ?, ?, ?> metric() {
        return INSTANCES.computeIfAbsent(className, MetricHandle::load);
    }

    private static Metric<?, ?, ?, ?> load(String className) {
        for (Metric<?, ?, ?, ?> m : MetricCatalog.all().values()) {
            if (m.getClass().getName().equals(className)) return m;
        }
        try {
            Class<?> c = Class.forName(className, true, classLoader());
            Constructor<?> ctor = c.getConstructor();
            return (Metric<?, ?, ?, ?>) ctor.newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("cannot rebuild metric " + className + " on this JVM (is the genaudit-spark jar on the executor class path?)", e);
        }
    }

    private static ClassLoader classLoader() {
        ClassLoader l = Thread.currentThread().getContextClassLoader();
        return l != null ? l : MetricHandle.class.getClassLoader();
    }
}
