package io.genaudit.audits;


import java.util.List;
import java.util.Map;

/**
 * The {@code params:} (or model options) of one plan entry, with typed getters that raise a {@link PlanException}
 * naming the plan file and field when a value has the wrong type.
 *
 * @param prefix the field path of this map in the plan, e.g. {@code audits.ppl.params}
 */
public record Params(Map<String, Object> values, String prefix, String planFile) {
    public Params {
        values = values == null ? Map.of() : values;
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    private String field(String key) {
        return prefix + "." + key;
    }

    /** A whole number in the range of an int: larger values are refused (never wrapped), fractions too. */
    public int intParam(String key, int dflt) {
        long v = longParam(key, dflt);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new PlanException(planFile, field(key), "an integer between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE + " expected, got " + v);
        }
        return (int) v;
    }

    /** A whole number in the range of a long: larger values are refused (never clamped), fractions too. */
    public long longParam(String key, long dflt) {
        Object v = values.get(key);
        if (v == null) return dflt;
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) return ((Number) v).longValue();
        if (v instanceof java.math.BigInteger b) {
            throw new PlanException(planFile, field(key), "an integer between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE + " expected, got " + b);
        }
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && Math.abs(n.doubleValue()) < 0x1p63) return n.longValue();
        throw new PlanException(planFile, field(key), "an integer expected, got '" + v + "'");
    }

    /** A finite number (NaN and infinities are refused). */
    public double doubleParam(String key, double dflt) {
        Object v = values.get(key);
        if (v == null) return dflt;
        if (v instanceof Number n && Double.isFinite(n.doubleValue())) return n.doubleValue();
        throw new PlanException(planFile, field(key), "a finite number expected, got '" + v + "'");
    }

    public boolean boolParam(String key, boolean dflt) {
        Object v = values.get(key);
        if (v == null) return dflt;
        if (v instanceof Boolean b) return b;
        throw new PlanException(planFile, field(key), "true or false expected, got '" + v + "'");
    }

    public String stringParam(String key, String dflt) {
        Object v = values.get(key);
        if (v == null) return dflt;
        if (v instanceof String s) return s;
        throw new PlanException(planFile, field(key), "a string expected, got '" + v + "'");
    }

    @SuppressWarnings("unchecked")
    public List<Object> listParam(String key, List<Object> dflt) {
        Object v = values.get(key);
        if (v == null) return dflt;
        if (v instanceof List<?> l) return (List<Object>) l;
        throw new PlanException(planFile, field(key), "a list expected, got '" + v + "'");
    }

    /** A string parameter that must be one of {@code allowed}. */
    public String choiceParam(String key, String dflt, String... allowed) {
        String v = stringParam(key, dflt);
        for (String a : allowed) if (a.equals(v)) return v;
        throw new PlanException(planFile, field(key), "one of " + List.of(allowed) + " expected, got '" + v + "'");
    }
}
