package io.genaudit.metrics.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;

/** Loads detect/roc_reference.json, produced by fixtures/reference/detect/make_reference.py (scikit-learn, numpy DeLong). */
final class RocReference {
    private RocReference() {
    }

    static JsonNode load() {
        try (InputStream in = RocReference.class.getResourceAsStream("/detect/roc_reference.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static double[] doubles(JsonNode a) {
        double[] d = new double[a.size()];
        for (int i = 0; i < d.length; i++) d[i] = a.get(i).isNull() ? Double.POSITIVE_INFINITY : a.get(i).asDouble();
        return d;
    }

    static int[] ints(JsonNode a) {
        int[] d = new int[a.size()];
        for (int i = 0; i < d.length; i++) d[i] = a.get(i).asInt();
        return d;
    }
}
