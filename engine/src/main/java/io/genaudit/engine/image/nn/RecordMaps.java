package io.genaudit.engine.image.nn;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Converts hyper-parameter records (DCGAN, VAE configurations) to and from the maps model.json stores: one entry per
 * record component, in declaration order; int, long, float (stored as double), double, boolean and String
 * components. Reading goes through the record's canonical constructor, so its validation applies.
 */
public final class RecordMaps {
    private RecordMaps() {
    }

    public static Map<String, Object> toMap(Record r) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            try {
                Object v = c.getAccessor().invoke(r);
                m.put(c.getName(), v instanceof Float f ? (Object) f.doubleValue() : v);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass().getSimpleName(), e);
            }
        }
        return m;
    }

    /**
     * The record of {@code type} with the values in {@code m}; a missing or mistyped value, or one the record rejects,
     * is an IllegalArgumentException naming the key.
     */
    public static <R extends Record> R fromMap(Class<R> type, Map<String, Object> m) {
        RecordComponent[] cs = type.getRecordComponents();
        Class<?>[] types = new Class<?>[cs.length];
        Object[] args = new Object[cs.length];
        for (int i = 0; i < cs.length; i++) {
            types[i] = cs[i].getType();
            args[i] = convert(cs[i], m.get(cs[i].getName()));
        }
        try {
            Constructor<R> ctor = type.getDeclaredConstructor(types);
            return ctor.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException iae) throw iae;
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getSimpleName(), e);
        }
    }

    private static Object convert(RecordComponent c, Object v) {
        Class<?> t = c.getType();
        if (v == null) throw new IllegalArgumentException("'" + c.getName() + "' is missing");
        if (t == String.class && v instanceof String) return v;
        if (t == boolean.class && v instanceof Boolean) return v;
        if (v instanceof Number n) {
            boolean integral = n.doubleValue() == Math.rint(n.doubleValue());
            if (t == int.class && integral) return n.intValue();
            if (t == long.class && integral) return n.longValue();
            if (t == float.class) return n.floatValue();
            if (t == double.class) return n.doubleValue();
        }
        String expected = t == String.class ? "a string" : t == boolean.class ? "true or false"
                : t == int.class || t == long.class ? "an integer" : "a number";
        throw new IllegalArgumentException("'" + c.getName() + "' should be " + expected + ", found " + v);
    }
}
