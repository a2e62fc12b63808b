package io.genaudit.spark;

import io.genaudit.engine.lm.LanguageModel;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The language models of one JVM (an executor, or the driver in local mode), pooled by {@link LmSource}: a task
 * borrows a model for its partition and gives it back at the end, so a JVM holds at most as many instances of a model
 * as it runs tasks at once (its task slots), and later tasks reuse them instead of loading the weights again. The
 * shipped files of a model are copied once per JVM into a folder of the model's own (their SHA-256 checked against the
 * driver's, {@link ModelShipment#copyInto}), and every instance opens that copy. Idle models are closed when the JVM
 * ends (a shutdown hook), or by {@link #closeIdle}.
 */
public final class LanguageModelPool {
    private static final Map<LmSource, Deque<LanguageModel>> IDLE = new HashMap<>();
    private static final Map<LmSource, Integer> OPENED = new HashMap<>();
    private static final Map<LmSource, Path> FOLDERS = new HashMap<>();
    private static boolean hooked;

    private LanguageModelPool() {
    }

    /** An idle model of {@code source}, or a newly opened one when every instance is in use. */
    public static LanguageModel borrow(LmSource source) {
        synchronized (IDLE) {
            Deque<LanguageModel> idle = IDLE.get(source);
            if (idle != null && !idle.isEmpty()) return idle.pop();
            if (!hooked) {
                Runtime.getRuntime().addShutdownHook(new Thread(LanguageModelPool::closeIdle, "genaudit-lm-pool-close"));
                hooked = true;
            }
        }
        LanguageModel lm = source.open(folder(source)); // outside the lock: loading takes seconds, other tasks may borrow meanwhile
        synchronized (IDLE) {
            OPENED.merge(source, 1, Integer::sum);
        }
        return lm;
    }

    /** This JVM's copy of the files of {@code source}, made on first use. */
    static Path folder(LmSource source) {
        synchronized (FOLDERS) {
            return FOLDERS.computeIfAbsent(source, s -> s.files().copyInto(ModelShipment.scratch(), "lm-" + s.files().files().get(0).sha256().substring(0, 12) + "-"));
        }
    }

    /** Gives {@code lm} (borrowed for {@code source}) back for the next task. */
    public static void release(LmSource source, LanguageModel lm) {
        synchronized (IDLE) {
            IDLE.computeIfAbsent(source, k -> new ArrayDeque<>()).push(lm);
        }
    }

    /** How many instances of {@code source} this JVM holds open (at most its concurrent tasks). */
    public static int opened(LmSource source) {
        synchronized (IDLE) {
            return OPENED.getOrDefault(source, 0);
        }
    }

    /** Closes every idle model (models in use stay open and return to an empty pool). */
    public static void closeIdle() {
        List<LanguageModel> toClose = new ArrayList<>();
        synchronized (IDLE) {
            for (Map.Entry<LmSource, Deque<LanguageModel>> e : IDLE.entrySet()) {
                OPENED.merge(e.getKey(), -e.getValue().size(), Integer::sum);
                toClose.addAll(e.getValue());
                e.getValue().clear();
            }
        }
        for (LanguageModel lm : toClose) {
            try {
                lm.close();
            } catch (RuntimeException e) {
                System.err.println("genaudit-spark: warning: closing " + lm.describe() + ": " + e);
            }
        }
    }
}
