package io.genaudit.engine.lm.transformer;

import io.genaudit.engine.train.TrainingSettings;

import java.util.List;

/**
 * What {@code model.json} in a model directory says about the model: architecture, hyper-parameters, training data
 * (source, SHA-256, size), parameter count and SHA-256 of {@code params.bin}, per-epoch and per-step training loss
 * (mean cross-entropy in nats per byte), and training time. Checkpoints carry the same record for the epochs so far.
 */
public record TrainingRecord(String format, TransformerConfig architecture, TrainingSettings training,
                             String dataSource, String dataSha256, long dataBytes,
                             long parameterCount, String parametersSha256,
                             int epochsCompleted, long steps, long stepsPlanned, double finalLoss,
                             List<Double> epochLosses, List<Double> stepLosses,
                             double trainingSeconds, String engine) {
    public static final String FORMAT = "genaudit-transformer-v1";
}
