package io.genaudit.engine.image.nn;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.genaudit.engine.InputException;
import io.genaudit.engine.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The files of a trained built-in model: {@code model.json} (architecture, hyper-parameters, data SHA-256, seed,
 * loss history, final losses), the weights, and the latest {@code checkpoints/epoch-NNNN.ckpt}
 * ({@link io.genaudit.engine.train.CheckpointFolder}).
 */
public final class ModelFolder {
    public static final String MODEL_JSON = "model.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelFolder() {
    }

    public static void writeJson(Path file, Map<String, Object> content) throws IOException {
        AtomicFiles.writeBytes(file, JSON.writeValueAsBytes(content));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> readJson(Path file) {
        try {
            return JSON.readValue(file.toFile(), Map.class);
        } catch (IOException e) {
            String why = e instanceof com.fasterxml.jackson.core.JacksonException j
                    ? "not valid JSON (truncated or corrupt?): " + j.getOriginalMessage().lines().findFirst().orElse("")
                    + (j.getLocation() == null ? "" : " at line " + j.getLocation().getLineNr())
                    : e.getMessage();
            throw new InputException(String.valueOf(file), "cannot read model description: " + why, e);
        }
    }

    /** The map as it reads back from JSON (numbers and nesting normalised), for comparisons with saved state. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> roundTrip(Map<String, Object> m) {
        try {
            return JSON.readValue(JSON.writeValueAsBytes(m), Map.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The {@code config} map of a model folder's model.json, after checking the folder holds a model of
     * {@code architecture}; bad folders are input errors naming the file.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> readConfig(Path dir, String architecture, String label) throws IOException {
        Path json = dir.resolve(MODEL_JSON);
        if (!java.nio.file.Files.exists(json)) {
            throw new io.genaudit.engine.InputException(dir, "no model.json: not a genaudit " + label + " model folder");
        }
        Map<String, Object> m = readJson(json);
        if (!architecture.equals(m.get("architecture"))) {
            throw new io.genaudit.engine.InputException(json, "architecture is '" + m.get("architecture") + "', expected '" + architecture + "'");
        }
        return m;
    }

    /** What a model folder's model.json says of the model: its hyper-parameters and description. */
    public record Header<R extends Record>(R config, String description) {
    }

    /**
     * The hyper-parameter record and description of a model folder holding a model of {@code architecture}; a
     * missing, mistyped or invalid configuration is an input error naming model.json.
     */
    @SuppressWarnings("unchecked")
    public static <R extends Record> Header<R> readHeader(Path dir, String architecture, String label, Class<R> type) throws IOException {
        Map<String, Object> m = readConfig(dir, architecture, label);
        Path json = dir.resolve(MODEL_JSON);
        if (!(m.get("config") instanceof Map<?, ?> config)) throw new InputException(json, "no 'config' object");
        try {
            return new Header<>(RecordMaps.fromMap(type, (Map<String, Object>) config), String.valueOf(m.get("description")));
        } catch (IllegalArgumentException e) {
            throw new InputException(String.valueOf(json), "config: " + e.getMessage(), e);
        }
    }

    /** One weights file of a model folder and the block it fills. */
    public record Weights(String file, Block block) {
    }

    /**
     * Loads weights files of {@code dir} into the blocks of a freshly built {@code model} (whose arrays belong to
     * {@code manager}); closes the model when a file is missing or does not fit, so nothing leaks.
     */
    public static <M extends AutoCloseable> M loadWeights(Path dir, M model, NDManager manager, Weights... weights) throws IOException {
        try {
            for (Weights w : weights) BlockFiles.load(w.block(), manager, dir.resolve(w.file()));
        } catch (IOException | RuntimeException e) {
            try {
                model.close();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return model;
    }
}
