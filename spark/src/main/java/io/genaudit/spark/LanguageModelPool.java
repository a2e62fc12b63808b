package io.genaudit.spark;

import io.genaudit.engine.lm.LanguageModel;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The language models of one JVM (an executor, or the driver in local mode), pooled by {@link LmSource}: a task
 * borrows a model for its partition and gives it back at the end, so a JVM holds at most as many instances of a model
 * as it runs tasks at once (its task slots), and later tasks reuse them instead of loading the weights again. The
 * shipped files of a model are copied once per JVM into a folder of the model's own (their SHA-256 checked against the
 * driver's, {@link ModelShipment#copyInto}), and every instance opens that copy. Idle models are closed when the JVM
 * ends (a shutdown hook), or by {@link #closeIdle}. A {@link ModelPool}.
 */
public final class LanguageModelPool {
    private static final ModelPool<LmSource, LanguageModel> POOL = new ModelPool<>("language model", s -> s.open(folder(s)));
    private static final Map<LmSource, Path> FOLDERS = new HashMap<>();

    private LanguageModelPool() {
    }

    /** An idle model of {@code source}, or a newly opened one when every instance is in use. */
    public static LanguageModel borrow(LmSource source) {
        return POOL.borrow(source);
    }

    /** This JVM's copy of the files of {@code source}, made on first use. */
    static Path folder(LmSource source) {
        synchronized (FOLDERS) {
            return FOLDERS.computeIfAbsent(source, s -> s.files().copyInto(ModelShipment.scratch(), "lm-" + s.files().files().get(0).sha256().substring(0, 12) + "-"));
        }
    }

    /** Gives {@code lm} (borrowed for {@code source}) back for the next task. */
    public static void release(LmSource source, LanguageModel lm) {
        POOL.giveBack(source, lm);
    }

    /** How many instances of {@code source} this JVM holds open (at most its concurrent tasks). */
    public static int opened(LmSource source) {
        return POOL.opened(source);
    }

    /** Closes every idle model (models in use stay open and return to an empty pool). */
    public static void closeIdle() {
        POOL.closeIdle();
    }
}
