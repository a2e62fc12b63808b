package io.genaudit.metrics.contract;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;

/**
 * The class a concrete type binds to a type parameter of a generic interface it implements, however indirectly
 * ({@code FidMetric implements FeaturePairMetric<Params, Result> extends Metric<P, FeatureBatch, FeaturePairState, R>}
 * gives {@code Params} for {@code Metric}'s first parameter). Lets the contract read a metric's parameter, input and
 * result classes from its declaration instead of from methods every metric repeats.
 */
public final class TypeArguments {
    private TypeArguments() {
    }

    /** The class bound to parameter {@code index} of {@code generic} by {@code type}; throws when it is not a class. */
    public static <T> Class<T> of(Class<?> type, Class<?> generic, int index) {
        Type t = resolve(type, generic, new HashMap<>());
        if (t == null) throw new IllegalStateException(type.getName() + " does not implement " + generic.getName());
        Type arg = ((ParameterizedType) t).getActualTypeArguments()[index];
        if (arg instanceof ParameterizedType p) arg = p.getRawType();
        if (!(arg instanceof Class<?> c)) {
            throw new IllegalStateException(type.getName() + " leaves type parameter " + index + " of " + generic.getSimpleName() + " open");
        }
        @SuppressWarnings("unchecked")
        Class<T> out = (Class<T>) c;
        return out;
    }

    /** {@code generic} parameterized as {@code type} sees it, with type variables of subtypes substituted. */
    private static Type resolve(Type type, Class<?> generic, Map<TypeVariable<?>, Type> bindings) {
        Class<?> raw;
        if (type instanceof ParameterizedType p) {
            raw = (Class<?>) p.getRawType();
            TypeVariable<?>[] vars = raw.getTypeParameters();
            Type[] args = p.getActualTypeArguments();
            for (int i = 0; i < vars.length; i++) bindings.put(vars[i], substitute(args[i], bindings));
            if (raw == generic) return substituted(p, raw, bindings);
        } else if (type instanceof Class<?> c) {
            raw = c;
        } else {
            return null;
        }
        for (Type s : raw.getGenericInterfaces()) {
            Type r = resolve(s, generic, bindings);
            if (r != null) return r;
        }
        Type sup = raw.getGenericSuperclass();
        return sup == null ? null : resolve(sup, generic, bindings);
    }

    private static Type substitute(Type t, Map<TypeVariable<?>, Type> bindings) {
        return t instanceof TypeVariable<?> v && bindings.containsKey(v) ? bindings.get(v) : t;
    }

    private static ParameterizedType substituted(ParameterizedType p, Class<?> raw, Map<TypeVariable<?>, Type> bindings) {
        Type[] args = p.getActualTypeArguments().clone();
        for (int i = 0; i < args.length; i++) args[i] = substitute(args[i], bindings);
        return new ParameterizedType() {
            @Override
            public Type[] getActualTypeArguments() {
                return args.clone();
            }

            @Override
            public Type getRawType() {
                return raw;
            }

            @Override
            public Type getOwnerType() {
                return p.getOwnerType();
            }
        };
    }
}
