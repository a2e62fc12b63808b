package io.genaudit.engine.image.nn;

import io.genaudit.engine.train.TrainingSettings;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The model.json every trained built-in image model starts with: architecture, hyper-parameters ({@code config}),
 * seed, training data SHA-256, description, epochs, training settings, final losses, loss history and training time.
 * Trainers add what is particular to their model (parameter counts, loss definition, held-out accuracy).
 */
public final class TrainedModelJson {
    private TrainedModelJson() {
    }

    /** {@code startNanos}: {@link System#nanoTime()} when this run began. */
    public static Map<String, Object> of(String architecture, Map<String, Object> config, TrainingSettings s, String dataSha256,
                                         String description, LossHistory hist, long startNanos) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("architecture", architecture);
        json.put("config", config);
        json.put("seed", s.seed());
        json.put("dataSha256", dataSha256);
        json.put("description", description);
        json.put("epochs", s.epochs());
        json.put("training", s.toMap());
        json.put("finalLosses", hist.last());
        json.put("history", hist.toMap());
        json.put("trainSecondsThisRun", (System.nanoTime() - startNanos) / 1e9);
        return json;
    }
}
