package io.genaudit.engine.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hyper-parameters of one training run that every built-in trainer (DCGAN, VAE, shapes CNN, Transformer) shares:
 * seed (initial weights, batch order, noise), epochs over the data, examples per optimiser step, (peak) Adam learning
 * rate, and an optional cap on optimiser steps (0 = none). Checkpoints and model.json record it.
 */
public record TrainingSettings(long seed, int epochs, int batchSize, double learningRate, int maxSteps) {
    public TrainingSettings {
        if (epochs < 1) throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        if (batchSize < 1) throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a finite number > 0, got " + learningRate);
        }
        if (maxSteps < 0) throw new IllegalArgumentException("maxSteps must be >= 0, got " + maxSteps);
    }

    /** Settings without a step cap. */
    public static TrainingSettings of(long seed, int epochs, int batchSize, double learningRate) {
        return new TrainingSettings(seed, epochs, batchSize, learningRate, 0);
    }

    public TrainingSettings withSeed(long s) {
        return new TrainingSettings(s, epochs, batchSize, learningRate, maxSteps);
    }

    public TrainingSettings withEpochs(int e) {
        return new TrainingSettings(seed, e, batchSize, learningRate, maxSteps);
    }

    /** The settings as checkpoints and model.json store them. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seed", seed);
        m.put("epochs", epochs);
        m.put("batchSize", batchSize);
        m.put("learningRate", learningRate);
        m.put("maxSteps", maxSteps);
        return m;
    }
}
