package io.genaudit.metrics.contract;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parameters of a metric as read from its parameter record: name, type, default, help and range of each
 * component, and {@link #bind} that builds the record from plan values or parsed options, converting and checking
 * every value the same way for both. Component order is the order of {@code --help} and of the plan documentation.
 *
 * @param type    the parameter record class
 * @param entries one entry per record component, in declaration order
 */
public record ParamSchema<P extends Record>(Class<P> type, List<Entry> entries) {

    /** One parameter. */
    public record Entry(String name, Class<?> type, String help, String dflt, double min, double max, String label,
                        boolean runSeed, List<String> choices) {
        /** Whether a default is declared. */
        public boolean hasDefault() {
            return !Param.NONE.equals(dflt);
        }

        /** The command-line option, {@code --} and the kebab-case name. */
        public String option() {
            return "--" + kebab(name);
        }

        /** The output key, the snake-case name (what the run record and {@code --json} use). */
        public String key() {
            return snake(name);
        }

        /** The {@code --help} placeholder. */
        public String paramLabel() {
            if (!label.isEmpty()) return label;
            if (!choices.isEmpty()) return String.join("|", choices);
            if (type == int.class || type == Integer.class || type == long.class || type == Long.class) return "N";
            if (type == double.class || type == Double.class) return "X";
            return "VALUE";
        }

        /** Whether this is a flag (a boolean option without a value on the command line). */
        public boolean flag() {
            return type == boolean.class || type == Boolean.class;
        }
    }

    /** Reads {@code type}'s components; each must carry {@link Param}. */
    public static <P extends Record> ParamSchema<P> of(Class<P> type) {
        List<Entry> out = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            Param p = c.getAnnotation(Param.class);
            if (p == null) throw new IllegalStateException(type.getName() + "." + c.getName() + " lacks @Param");
            Class<?> t = c.getType();
            List<String> choices = new ArrayList<>();
            if (t.isEnum()) for (Object e : t.getEnumConstants()) choices.add(enumText((Enum<?>) e));
            if (t.isPrimitive() && Param.NONE.equals(p.dflt())) {
                throw new IllegalStateException(type.getName() + "." + c.getName() + " is primitive and needs a default");
            }
            out.add(new Entry(c.getName(), t, p.help(), p.dflt(), p.min(), p.max(), p.label(), p.runSeed(), List.copyOf(choices)));
        }
        return new ParamSchema<>(type, List.copyOf(out));
    }

    /** The entry named {@code name}, or null. */
    public Entry entry(String name) {
        for (Entry e : entries) if (e.name.equals(name)) return e;
        return null;
    }

    /** The parameter names (plan keys), in order. */
    public List<String> names() {
        return entries.stream().map(Entry::name).toList();
    }

    /** The record with every default. */
    public P defaults() {
        return bind(Map.of(), null);
    }

    /**
     * Builds the record from {@code given} (plan keys to YAML values or to command-line text/values; keys not in this
     * schema are ignored). Missing values take their default; a {@link Param#runSeed()} parameter takes
     * {@code runSeed} when that is not null. Throws {@link ParamException} naming the parameter on a bad value.
     */
    public P bind(Map<String, ?> given, Long runSeed) {
        Object[] args = new Object[entries.size()];
        Class<?>[] types = new Class<?>[entries.size()];
        for (int i = 0; i < args.length; i++) {
            Entry e = entries.get(i);
            types[i] = e.type;
            Object raw = given.get(e.name);
            if (raw == null && e.runSeed && runSeed != null) raw = runSeed;
            if (raw == null && e.hasDefault()) raw = e.dflt;
            args[i] = raw == null ? null : convert(e, raw);
            if (args[i] instanceof Number n) checkRange(e, n.doubleValue());
        }
        try {
            Constructor<P> ctor = type.getDeclaredConstructor(types);
            ctor.setAccessible(true);
            return ctor.newInstance(args);
        } catch (InvocationTargetException ex) {
            if (ex.getCause() instanceof ParamException pe) throw pe;
            if (ex.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(ex.getCause());
        } catch (ReflectiveOperationException ex) {
            throw new IllegalStateException("cannot build " + type.getName(), ex);
        }
    }

    /** The values of {@code params} by output key (snake case), for the run record's settings and {@code --json}. */
    public Map<String, Object> values(P params) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordComponent c : type.getRecordComponents()) {
            try {
                Object v = c.getAccessor().invoke(params);
                if (v instanceof Enum<?> en) v = enumText(en);
                if (v != null) out.put(snake(c.getName()), v);
            } catch (ReflectiveOperationException ex) {
                throw new IllegalStateException(ex);
            }
        }
        return out;
    }

    private static void checkRange(Entry e, double v) {
        if (v < e.min || v > e.max) {
            String range = e.max == Double.POSITIVE_INFINITY ? "at least " + num(e.min)
                    : e.min == Double.NEGATIVE_INFINITY ? "at most " + num(e.max) : "between " + num(e.min) + " and " + num(e.max);
            throw new ParamException(e.name, range + " expected, got " + num(v));
        }
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static Object convert(Entry e, Object raw) {
        Class<?> t = e.type;
        try {
            if (t == int.class || t == Integer.class) {
                long v = wholeNumber(e, raw);
                if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) throw new ParamException(e.name, "an integer between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE + " expected, got " + v);
                return (int) v;
            }
            if (t == long.class || t == Long.class) return wholeNumber(e, raw);
            if (t == double.class || t == Double.class) {
                double v = raw instanceof Number n ? n.doubleValue() : Double.parseDouble(raw.toString().trim());
                if (!Double.isFinite(v)) throw new ParamException(e.name, "a finite number expected, got '" + raw + "'");
                return v;
            }
            if (t == boolean.class || t == Boolean.class) {
                if (raw instanceof Boolean b) return b;
                String s = raw.toString().trim().toLowerCase(Locale.ROOT);
                if (s.equals("true") || s.equals("false")) return Boolean.parseBoolean(s);
                throw new ParamException(e.name, "true or false expected, got '" + raw + "'");
            }
            if (t == String.class) {
                if (raw instanceof String s) return s;
                if (raw instanceof Number || raw instanceof Boolean) return raw.toString();
                throw new ParamException(e.name, "a string expected, got '" + raw + "'");
            }
            if (t.isEnum()) {
                String s = raw.toString().trim();
                for (Object c : t.getEnumConstants()) if (enumText((Enum<?>) c).equalsIgnoreCase(s)) return c;
                throw new ParamException(e.name, "one of " + e.choices + " expected, got '" + raw + "'");
            }
        } catch (NumberFormatException ex) {
            throw new ParamException(e.name, "a number expected, got '" + raw + "'");
        }
        throw new IllegalStateException("unsupported parameter type " + t + " of " + e.name);
    }

    private static long wholeNumber(Entry e, Object raw) {
        if (raw instanceof Long || raw instanceof Integer || raw instanceof Short || raw instanceof Byte) return ((Number) raw).longValue();
        if (raw instanceof Number n) {
            double d = n.doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 0x1p63) return (long) d;
            throw new ParamException(e.name, "an integer expected, got '" + raw + "'");
        }
        try {
            return Long.parseLong(raw.toString().trim());
        } catch (NumberFormatException ex) {
            throw new ParamException(e.name, "an integer expected, got '" + raw + "'");
        }
    }

    /** An enum constant as plans and options spell it: lower case, '-' for '_'. */
    public static String enumText(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@code fidInfinity} → {@code fid-infinity}. */
    public static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** {@code fidInfinity} → {@code fid_infinity}. */
    public static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
