package io.genaudit.spark;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Models of one kind kept by an executor JVM, keyed by what they are loaded from: a task borrows one for its partition
 * and gives it back when done, so the JVM opens at most one instance per task running at once (its task slots) and
 * later tasks and jobs reuse them instead of loading again. Idle models are closed when the JVM ends.
 *
 * @param <K> what a model is loaded from (a serializable recipe with value equality)
 * @param <M> the model
 */
public final class ModelPool<K, M extends AutoCloseable> {
    private final String kind;
    private final Function<K, M> loader;
    private final Map<K, Deque<M>> idle = new HashMap<>();
    private final Map<K, Integer> opened = new HashMap<>();
    private boolean hooked;

    /** A pool of {@code kind} models (named in warnings) that {@code loader} loads. */
    public ModelPool(String kind, Function<K, M> loader) {
        this.kind = kind;
        this.loader = loader;
    }

    /** An idle model of {@code key}, or a newly loaded one when every instance is in use. */
    public M borrow(K key) {
        synchronized (idle) {
            Deque<M> q = idle.get(key);
            if (q != null && !q.isEmpty()) return q.pop();
            if (!hooked) {
                Runtime.getRuntime().addShutdownHook(new Thread(this::closeIdle, "genaudit-" + kind + "-pool-close"));
                hooked = true;
            }
        }
        M m = loader.apply(key); // outside the lock: loading takes seconds, other tasks may borrow meanwhile
        synchronized (idle) {
            opened.merge(key, 1, Integer::sum);
        }
        return m;
    }

    /** Gives {@code m} (borrowed for {@code key}) back for the next task. */
    public void giveBack(K key, M m) {
        synchronized (idle) {
            idle.computeIfAbsent(key, k -> new ArrayDeque<>()).push(m);
        }
    }

    /** How many models of {@code key} this JVM holds open (at most its concurrent tasks). */
    public int opened(K key) {
        synchronized (idle) {
            return opened.getOrDefault(key, 0);
        }
    }

    /** Closes every idle model (models in use stay open and come back to an empty pool). */
    public void closeIdle() {
        List<M> toClose = new ArrayList<>();
        synchronized (idle) {
            for (Map.Entry<K, Deque<M>> e : idle.entrySet()) {
                opened.merge(e.getKey(), -e.getValue().size(), Integer::sum);
                toClose.addAll(e.getValue());
                e.getValue().clear();
            }
        }
        for (M m : toClose) {
            try {
                m.close();
            } catch (Exception e) {
                System.err.println("genaudit-spark: warning: closing a pooled " + kind + ": " + e);
            }
        }
    }
}
