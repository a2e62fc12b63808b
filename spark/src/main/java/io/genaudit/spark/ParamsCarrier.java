package io.genaudit.spark;

import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;

/**
 * A metric's parameter record in a form that travels to executors: the record class and its component values
 * (numbers, strings, booleans, enums). Parameter records are not required to be {@link Serializable}; their components
 * are, and the executor calls the canonical constructor again, so the record's own checks run there as well.
 *
 * @param recordClass the parameter record's class name
 * @param values      the component values in declaration order
 */
public record ParamsCarrier(String recordClass, Serializable[] values) implements Serializable {

    /** Captures {@code params}; throws IllegalArgumentException naming a component whose value cannot travel. */
    public static ParamsCarrier of(Record params) {
        RecordComponent[] cs = params.getClass().getRecordComponents();
        Serializable[] values = new Serializable[cs.length];
        for (int i = 0; i < cs.length; i++) {
            Object v;
            try {
                v = cs[i].getAccessor().invoke(params);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read parameter " + cs[i].getName() + " of " + params.getClass().getName(), e);
            }
            if (v != null && !(v instanceof Serializable)) {
                throw new IllegalArgumentException("parameter " + cs[i].getName() + " of " + params.getClass().getName()
                        + " holds a " + v.getClass().getName() + ", which is not Serializable and cannot be sent to Spark executors");
            }
            values[i] = (Serializable) v;
        }
        return new ParamsCarrier(params.getClass().getName(), values);
    }

    /** The parameter record again, built by its canonical constructor. */
    public Record params() {
        try {
            Class<?> c = Class.forName(recordClass, true, loader());
            RecordComponent[] cs = c.getRecordComponents();
            Class<?>[] types = new Class<?>[cs.length];
            for (int i = 0; i < cs.length; i++) types[i] = cs[i].getType();
            Constructor<?> ctor = c.getDeclaredConstructor(types);
            ctor.setAccessible(true);
            return (Record) ctor.newInstance((Object[]) values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot rebuild parameters " + recordClass + " on this JVM", e);
        }
    }

    private static ClassLoader loader() {
        ClassLoader l = Thread.currentThread().getContextClassLoader();
        return l != null ? l : ParamsCarrier.class.getClassLoader();
    }
}
