package io.genaudit.engine.image.nn;

import ai.djl.nn.Block;
import io.genaudit.engine.nn.Adam;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One built-in image model's optimisation step, the part of training that differs between models; {@link EpochLoop}
 * does the rest (epochs, seeded shuffling, divergence checks, loss history, checkpoints, resume).
 */
public interface TrainingStep {
    /**
     * What the loop records of a step: names, and the networks and optimisers a checkpoint keeps.
     *
     * @param architecture the architecture name checkpoints and model.json record, e.g. {@code dcgan}
     * @param lossNames    the loss series one step returns, in order (e.g. lossD, lossG)
     * @param blocks       the networks whose parameters a checkpoint keeps, by section name, in section order
     * @param optimizers   the optimisers whose state a checkpoint keeps, by section name, in section order
     */
    record Layout(String architecture, List<String> lossNames, Map<String, Block> blocks, Map<String, Adam> optimizers) {
        /** Two sections in the order given. */
        public static <V> Map<String, V> inOrder(String first, V a, String second, V b) {
            Map<String, V> m = new LinkedHashMap<>();
            m.put(first, a);
            m.put(second, b);
            return m;
        }
    }

    /** This step's names, networks and optimisers. */
    Layout layout();

    /** The architecture name checkpoints and model.json record, e.g. {@code dcgan}. */
    default String architecture() {
        return layout().architecture();
    }

    /** The loss series one step returns, in order (e.g. lossD, lossG). */
    default List<String> lossNames() {
        return layout().lossNames();
    }

    /** The networks whose parameters a checkpoint keeps, by section name. */
    default Map<String, Block> blocks() {
        return layout().blocks();
    }

    /** The optimisers whose state a checkpoint keeps, by section name. */
    default Map<String, Adam> optimizers() {
        return layout().optimizers();
    }

    /**
     * Trains on the examples {@code perm[from..to)}; {@code stepSeed} seeds any noise of the step. Returns the losses
     * in {@link #lossNames()} order.
     */
    double[] step(int[] perm, int from, int to, long stepSeed);
}
