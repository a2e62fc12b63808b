package io.genaudit.spark;

import io.genaudit.engine.image.ImageFeatureExtractor;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The feature extractors of one executor JVM: a task borrows one for its partition and gives it back when the task
 * completes, so an executor holds at most one model per task slot (tasks running at once) and reuses it for later
 * tasks and jobs instead of loading it per partition. Everything pooled is closed at JVM exit (or by {@link #closeAll}).
 */
public final class ExtractorPool {
    private static final Map<String, ConcurrentLinkedDeque<ImageFeatureExtractor>> IDLE = new ConcurrentHashMap<>();
    private static final AtomicInteger LOADED = new AtomicInteger();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ExtractorPool::closeAll, "genaudit-extractor-pool-close"));
    }

    private ExtractorPool() {
    }

    /** An idle extractor of {@code recipe}, or a newly loaded one. */
    public static ImageFeatureExtractor borrow(ExtractorRecipe recipe) {
        ImageFeatureExtractor x = IDLE.computeIfAbsent(recipe.sha256() + "/" + recipe.modelId(), k -> new ConcurrentLinkedDeque<>()).pollFirst();
        if (x != null) return x;
        ImageFeatureExtractor loaded = recipe.load(ModelShipment.scratch());
        LOADED.incrementAndGet();
        return loaded;
    }

    /** Returns {@code x} (borrowed for {@code recipe}) to the pool. */
    public static void giveBack(ExtractorRecipe recipe, ImageFeatureExtractor x) {
        IDLE.computeIfAbsent(recipe.sha256() + "/" + recipe.modelId(), k -> new ConcurrentLinkedDeque<>()).addFirst(x);
    }

    /** How many extractors this JVM has loaded so far. */
    public static int loaded() {
        return LOADED.get();
    }

    /** Closes every idle extractor; returns how many. */
    public static int closeAll() {
        int n = 0;
        for (ConcurrentLinkedDeque<ImageFeatureExtractor> q : IDLE.values()) {
            for (ImageFeatureExtractor x; (x = q.pollFirst()) != null; n++) {
                try {
                    x.close();
                } catch (RuntimeException ignored) {
                    // closing at exit: nothing left to report to
                }
            }
        }
        return n;
    }
}
