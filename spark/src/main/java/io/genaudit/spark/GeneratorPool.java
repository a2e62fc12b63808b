package io.genaudit.spark;

import io.genaudit.engine.image.ImageGenerator;

/**
 * The image generators of one JVM (an executor, or the driver in local mode), pooled by their {@link ExtractorRecipe}
 * (the shipped file or trained folder and the plan options): a task borrows a generator for its partition and gives
 * it back at the end, so a JVM loads at most one instance per task slot and later tasks and jobs reuse it. A
 * {@link ModelPool}.
 */
public final class GeneratorPool {
    private static final ModelPool<ExtractorRecipe, ImageGenerator> POOL =
            new ModelPool<>("image generator", r -> r.load(ModelShipment.scratch(), ImageGenerator.class));

    private GeneratorPool() {
    }

    /** An idle generator of {@code recipe}, or a newly loaded one when every instance is in use. */
    public static ImageGenerator borrow(ExtractorRecipe recipe) {
        return POOL.borrow(recipe);
    }

    /** Gives {@code g} (borrowed for {@code recipe}) back for the next task. */
    public static void release(ExtractorRecipe recipe, ImageGenerator g) {
        POOL.giveBack(recipe, g);
    }

    /** How many instances of {@code recipe} this JVM holds open (at most its concurrent tasks). */
    public static int opened(ExtractorRecipe recipe) {
        return POOL.opened(recipe);
    }
}
