package io.genaudit.engine.image;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genaudit.engine.InputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code genaudit-model.json} next to a model file: what the exporter knows about the model (a generator's
 * inputs, latent size, output range; an extractor's preprocessing), so plans need not repeat it. A flat JSON object
 * with the same keys as the plan's model options; a key set in both must agree.
 */
public final class ModelSidecar {
    /** The sidecar's file name, looked up in the model file's folder. */
    public static final String FILE_NAME = "genaudit-model.json";

    private ModelSidecar() {
    }

    /** The sidecar of {@code modelFile} (empty when there is none); unknown keys (not in {@code allowed}) are errors. */
    public static Map<String, Object> read(Path modelFile, Set<String> allowed) {
        Path parent = modelFile.toAbsolutePath().getParent();
        Path f = parent == null ? Path.of(FILE_NAME) : parent.resolve(FILE_NAME);
        if (!Files.isRegularFile(f)) return Map.of();
        Map<String, Object> m;
        try {
            @SuppressWarnings("unchecked") Map<String, Object> raw = new ObjectMapper().readValue(f.toFile(), LinkedHashMap.class);
            m = raw;
        } catch (JsonProcessingException e) {
            throw new InputException(f, "not valid JSON: " + e.getOriginalMessage() + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        } catch (IOException e) {
            throw new InputException(f, "cannot read: " + e.getMessage());
        }
        if (m == null) throw new InputException(f, "a JSON object with model settings expected");
        for (String k : m.keySet()) {
            if (!allowed.contains(k)) throw new InputException(f, "unknown key '" + k + "'; expected some of " + new java.util.TreeSet<>(allowed));
        }
        return m;
    }

    /**
     * {@code plan} options completed from the sidecar of {@code modelFile}; a key in both with different values is an
     * error naming the sidecar, the key and both values.
     */
    public static Map<String, Object> merge(Map<String, Object> plan, Path modelFile, Set<String> allowed) {
        Map<String, Object> side = read(modelFile, allowed);
        Map<String, Object> out = new LinkedHashMap<>(side);
        for (var e : plan.entrySet()) {
            Object s = side.get(e.getKey());
            if (s != null && !same(s, e.getValue())) {
                throw new InputException(modelFile.toAbsolutePath().resolveSibling(FILE_NAME), "'" + e.getKey() + "' is " + s
                        + " here but " + e.getValue() + " in the plan; remove one");
            }
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) return x.doubleValue() == y.doubleValue();
        return String.valueOf(a).replace(" ", "").equals(String.valueOf(b).replace(" ", ""));
    }
}
