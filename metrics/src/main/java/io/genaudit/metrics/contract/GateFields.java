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
        for (RecordComponent c : type.getRecordComponents()) {
            Class<?> t = c.getType();
            boolean numeric = t == double.class || t == float.class || t == int.class || t == long.class
                    || t == Double.class || t == Float.class || t == Integer.class || t == Long.class;
            if (!numeric) continue;
            out.put(ParamSchema.snake(c.getName()), r -> {
                try {
                    Object v = c.getAccessor().invoke(r);
                    return v == null ? Double.NaN : ((Number) v).doubleValue();
                } catch (ReflectiveOperationException ex) {
                    throw new IllegalStateException(ex);
                }
            });
        }
        if (!out.containsKey("value")) throw new IllegalStateException(type.getName() + " has no numeric 'value' component");
        return new GateFields<>(Map.copyOf(out));
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
