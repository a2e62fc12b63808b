package io.genaudit.audits.metric;

import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;

/** The registered {@link InputAdapter}s by the input type they serve. */
public final class InputAdapters {
    private static volatile Map<Class<?>, InputAdapter<?>> cached;

    private InputAdapters() {
    }

    /** The adapter for {@code type}; a missing one is a packaging bug. */
    @SuppressWarnings("unchecked")
    public static <I> InputAdapter<I> forType(Class<I> type) {
        Map<Class<?>, InputAdapter<?>> m = cached;
        if (m == null) {
            m = new HashMap<>();
            for (InputAdapter<?> a : ServiceLoader.load(InputAdapter.class)) {
                if (m.put(a.inputType(), a) != null) throw new IllegalStateException("two input adapters for " + a.inputType().getName());
            }
            cached = m;
        }
        InputAdapter<?> a = m.get(type);
        if (a == null) throw new IllegalStateException("no input adapter registered for " + type.getName());
        return (InputAdapter<I>) a;
    }
}
