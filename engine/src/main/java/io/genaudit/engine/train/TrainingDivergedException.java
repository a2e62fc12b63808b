package io.genaudit.engine.train;

/**
 * A training run stopped because a loss became non-finite (NaN or infinite). Callers that may retry with another seed
 * catch this type; the message names the model, the seed and the step.
 */
public final class TrainingDivergedException extends RuntimeException {
    private final String architecture;
    private final long seed;
    private final int epoch;
    private final long step;

    /**
     * @param epoch 1-based epoch in which the loss became non-finite
     * @param step  1-based step (within the epoch for image models, overall for the Transformer)
     * @param losses the offending loss values, as text
     */
    public TrainingDivergedException(String architecture, long seed, int epoch, long step, String losses) {
        super(architecture + " training diverged: non-finite loss (" + losses + ") at epoch " + epoch + " step " + step
                + " with seed " + seed + "; try another seed or a lower learning rate");
        this.architecture = architecture;
        this.seed = seed;
        this.epoch = epoch;
        this.step = step;
    }

    public String architecture() {
        return architecture;
    }

    /** The seed of the run that diverged. */
    public long seed() {
        return seed;
    }

    public int epoch() {
        return epoch;
    }

    public long step() {
        return step;
    }
}
