package io.genaudit.engine.lm.transformer;

/**
 * Hyper-parameters of one training run: seed (initial weights and batch order), epochs over the corpus, windows per
 * batch, peak learning rate (linear warm-up, cosine decay to 10%), and an optional cap on optimizer steps (0 = none).
 */
public record TrainingSettings(long seed, int epochs, int batchSize, double learningRate, int maxSteps) {
    public TrainingSettings {
        if (epochs < 1) throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        if (batchSize < 1) throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        if (!(learningRate > 0)) throw new IllegalArgumentException("learning rate must be > 0, got " + learningRate);
        if (maxSteps < 0) throw new IllegalArgumentException("maxSteps must be >= 0, got " + maxSteps);
    }

    /** Defaults for a size: {@code small} 2 epochs, batch 16, lr 3e-3; {@code tiny} 2 epochs, batch 16, lr 1e-2. */
    public static TrainingSettings defaults(String size, long seed) {
        return size.equals("tiny") ? new TrainingSettings(seed, 2, 16, 1e-2, 0) : new TrainingSettings(seed, 2, 16, 3e-3, 0);
    }
}
