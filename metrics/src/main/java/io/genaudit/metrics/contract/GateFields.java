package io.genaudit.metrics.contract;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The fields a plan gate may name with {@code on:} for one metric: {@code value} and every other numeric component
 * of the result record, by its snake-case output key. Derived from the record, so no list is kept by hand.
 *
 * @param readers output key to the function that reads it from a result (NaN when absent)
 */
public record GateFields<R extends Record>(Map<String, ToDoubleFunction<R>> readers) {

    /** The numeric components of {@code type}. */
    public static <R extends Record> GateFields<R> of(Class<R> type) {
        Map<String, ToDoubleFunction<R>> out = new LinkedHashMap<>();
        collect(type, "", r -> r, out);
        if (!out.containsKey("value")) throw new IllegalStateException(type.getName() + " has no numeric 'value' component");
        return new GateFields<>(Map.copyOf(out));
    }

    /** The numeric components of {@code type} (reached from a result by {@code path}), and those of its {@link Flatten}ed records. */
    private static <R> void collect(Class<?> type, String prefix, java.util.function.Function<R, Object> path,
                                    Map<String, ToDoubleFunction<R>> out) {
        for (RecordComponent c : type.getRecordComponents()) {
            Class<?> t = c.getType();
            java.util.function.Function<R, Object> read = r -> {
                Object holder = path.apply(r);
                if (holder == null) return null;
                try {
                    return c.getAccessor().invoke(holder);
                } catch (ReflectiveOperationException ex) {
                    throw new IllegalStateException(ex);
                }
            };
            Flatten flat = c.getAnnotation(Flatten.class);
            if (flat != null && t.isRecord()) {
                collect(t, prefix + flat.prefix(), read, out);
                continue;
            }
            boolean numeric = t == double.class || t == float.class || t == int.class || t == long.class
                    || t == Double.class || t == Float.class || t == Integer.class || t == Long.class;
            if (!numeric) continue;
            out.put(prefix + ParamSchema.snake(c.getName()), r -> {
                Object v = read.apply(r);
                return v == null ? Double.NaN : ((Number) v).doubleValue();
            });
        }
    }

    /** The field names. */
    public Set<String> names() {
        return readers.keySet();
    }

    /** The field {@code name} of {@code result}; NaN when the result does not carry it. */
    public double read(R result, String name) {
        ToDoubleFunction<R> f = readers.get(name);
        if (f == null) throw new IllegalArgumentException("no gate field " + name);
        return f.applyAsDouble(result);
    }
}
