package io.genaudit.reports.html;

import io.genaudit.reports.format.Numbers;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns the free-form maps of the run record (settings, details, model info) into display rows: nested maps become
 * dotted keys, numbers get the report's formatting, long lists are shortened with a count. Values stay plain text
 * (the templates escape them).
 */
public final class DisplayValues {
    static final int MAX_DEPTH = 3;
    static final int MAX_LIST = 8;
    static final int MAX_CHARS = 240;

    private DisplayValues() {
    }

    /** The map as key/value rows in its own order, nested maps flattened to "outer.inner". */
    public static List<Views.KeyValue> rows(Map<String, ?> map) {
        List<Views.KeyValue> out = new ArrayList<>();
        if (map != null) flatten("", map, 0, out);
        return out;
    }

    private static void flatten(String prefix, Map<?, ?> map, int depth, List<Views.KeyValue> out) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = prefix + e.getKey();
            if (e.getValue() instanceof Map<?, ?> inner && depth < MAX_DEPTH && !inner.isEmpty()) {
                flatten(key + ".", inner, depth + 1, out);
            } else {
                out.add(new Views.KeyValue(key, text(e.getValue())));
            }
        }
    }

    /** One value as display text. */
    public static String text(Object v) {
        String s = switch (v) {
            case null -> Numbers.MISSING;
            case Double d -> Numbers.format(d.doubleValue());
            case Float f -> Numbers.format(f.doubleValue());
            case Number n -> Numbers.format(n.doubleValue());
            case double[] a -> list(java.util.Arrays.stream(a).boxed().toList());
            case long[] a -> list(java.util.Arrays.stream(a).boxed().toList());
            case int[] a -> list(java.util.Arrays.stream(a).boxed().toList());
            case Object[] a -> list(List.of(a));
            case Collection<?> c -> list(c);
            case Map<?, ?> m -> m.entrySet().stream().map(e -> e.getKey() + ": " + text(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
            default -> String.valueOf(v);
        };
        return s.length() > MAX_CHARS ? s.substring(0, MAX_CHARS - 1) + "…" : s;
    }

    private static String list(Collection<?> c) {
        String head = c.stream().limit(MAX_LIST).map(DisplayValues::text).collect(Collectors.joining(", "));
        if (c.size() > MAX_LIST) head += ", … (" + c.size() + " items)";
        return "[" + head + "]";
    }
}
