package io.genaudit.metrics.contract;

import io.genaudit.values.Interval;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A result record as output keys and values: every component by its snake-case name, an {@link Interval} component
 * {@code xCi} as {@code x_ci_low}, {@code x_ci_high} and {@code x_ci_method}; the headline {@code value}, {@code n}
 * and {@code ci} are left to the caller (they have their own places in the run record), and {@link Evidence}
 * components are for presenters only. The run record's details and
 * the command line's {@code --json} are both built from this, so their keys are the same.
 */
public final class ResultFields {
    private ResultFields() {
    }

    /** The components of {@code result} other than value, n and ci, in declaration order. */
    public static Map<String, Object> details(Record result) {
        Map<String, Object> out = new LinkedHashMap<>();
        put(result, "", true, out);
        return out;
    }

    /** The components of {@code r} after {@code prefix}; {@link Flatten}ed records recursively with their prefix. */
    private static void put(Record r, String prefix, boolean top, Map<String, Object> out) {
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            String name = c.getName();
            if (top && (name.equals("value") || name.equals("n") || name.equals("ci") || name.equals("notes"))) continue;
            if (c.isAnnotationPresent(Evidence.class)) continue;
            Object v;
            try {
                v = c.getAccessor().invoke(r);
            } catch (ReflectiveOperationException ex) {
                throw new IllegalStateException(ex);
            }
            if (v == null) continue;
            Flatten flat = c.getAnnotation(Flatten.class);
            if (flat != null && v instanceof Record nested) {
                put(nested, prefix + flat.prefix(), false, out);
                continue;
            }
            String key = prefix + ParamSchema.snake(name);
            if (v instanceof Interval iv) {
                String base = key.endsWith("_ci") ? key : key + "_ci";
                out.put(base + "_low", iv.low());
                out.put(base + "_high", iv.high());
                out.put(base + "_method", iv.method());
            } else if (v instanceof double[] a) {
                out.put(key, java.util.Arrays.stream(a).boxed().toList());
            } else if (v instanceof int[] a) {
                out.put(key, java.util.Arrays.stream(a).boxed().toList());
            } else if (v instanceof Enum<?> e) {
                out.put(key, ParamSchema.enumText(e));
            } else {
                out.put(key, v);
            }
        }
    }
}
