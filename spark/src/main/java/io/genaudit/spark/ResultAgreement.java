package io.genaudit.spark;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks that two metric results agree the way a distributed run must agree with the single-machine run: whole
 * numbers, strings and flags exactly, floating-point numbers within a relative tolerance (merging shards in a
 * different order changes the last bits), recursively through nested records (intervals), arrays, lists and maps
 * (e.g. two run.json files' details read back as maps).
 */
public final class ResultAgreement {
    /** The tolerance issue 16 asks of a cluster run against the local one. */
    public static final double DEFAULT_RELATIVE_TOLERANCE = 1e-10;

    private ResultAgreement() {
    }

    /** The differences between {@code a} and {@code b}, one line each naming the component; empty when they agree. */
    public static List<String> differences(Object a, Object b, double relativeTolerance) {
        List<String> out = new ArrayList<>();
        compare("", a, b, relativeTolerance, out);
        return out;
    }

    /** The largest relative difference between two doubles as {@link #differences} measures it. */
    public static double relativeDifference(double a, double b) {
        if (a == b || (Double.isNaN(a) && Double.isNaN(b))) return 0;
        double scale = Math.max(Math.abs(a), Math.abs(b));
        return scale == 0 ? 0 : Math.abs(a - b) / scale;
    }

    private static void compare(String path, Object a, Object b, double tol, List<String> out) {
        if (a == null || b == null) {
            if (a != b) out.add(name(path) + ": " + a + " vs " + b);
            return;
        }
        if (a instanceof Double || a instanceof Float) {
            double x = ((Number) a).doubleValue();
            double y = ((Number) b).doubleValue();
            double rel = relativeDifference(x, y);
            if (!(rel <= tol)) out.add(name(path) + ": " + x + " vs " + y + " (relative difference " + rel + ")");
        } else if (a instanceof Record ra && b instanceof Record && a.getClass() == b.getClass()) {
            for (RecordComponent c : ra.getClass().getRecordComponents()) {
                compare(path.isEmpty() ? c.getName() : path + "." + c.getName(), get(c, a), get(c, b), tol, out);
            }
        } else if (a.getClass().isArray() && b.getClass().isArray()) {
            int n = Array.getLength(a);
            if (n != Array.getLength(b)) {
                out.add(name(path) + ": length " + n + " vs " + Array.getLength(b));
                return;
            }
            for (int i = 0; i < n; i++) compare(path + "[" + i + "]", Array.get(a, i), Array.get(b, i), tol, out);
        } else if (a instanceof List<?> la && b instanceof List<?> lb) {
            if (la.size() != lb.size()) {
                out.add(name(path) + ": " + la.size() + " vs " + lb.size() + " entries");
                return;
            }
            for (int i = 0; i < la.size(); i++) compare(path + "[" + i + "]", la.get(i), lb.get(i), tol, out);
        } else if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            if (!ma.keySet().equals(mb.keySet())) {
                out.add(name(path) + ": keys " + ma.keySet() + " vs " + mb.keySet());
                return;
            }
            for (Object k : ma.keySet()) compare(path.isEmpty() ? String.valueOf(k) : path + "." + k, ma.get(k), mb.get(k), tol, out);
        } else if (!Objects.equals(a, b)) {
            out.add(name(path) + ": " + a + " vs " + b);
        }
    }

    private static Object get(RecordComponent c, Object r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String name(String path) {
        return path.isEmpty() ? "result" : path;
    }
}
