package io.genaudit.engine.image.nn;

import ai.djl.nn.Block;
import io.genaudit.engine.nn.Adam;

import java.util.List;
import java.util.Map;

/**
 * One built-in image model's optimisation step, the part of training that differs between models; {@link EpochLoop}
 * does the rest (epochs, seeded shuffling, divergence checks, loss history, checkpoints, resume).
 */
public interface TrainingStep {
    /** The architecture name checkpoints and model.json record, e.g. {@code dcgan}. */
    String architecture();

    /** The loss series one step returns, in order (e.g. lossD, lossG). */
    List<String> lossNames();

    /** The networks whose parameters a checkpoint keeps, by section name. */
    Map<String, Block> blocks();

    /** The optimisers whose state a checkpoint keeps, by section name. */
    Map<String, Adam> optimizers();

    /**
     * Trains on the examples {@code perm[from..to)}; {@code stepSeed} seeds any noise of the step. Returns the losses
     * in {@link #lossNames()} order.
     */
    double[] step(int[] perm, int from, int to, long stepSeed);
}
