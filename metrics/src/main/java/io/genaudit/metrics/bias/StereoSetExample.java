package io.genaudit.metrics.bias;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genaudit.engine.InputException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One StereoSet intrasentence item: a context with a BLANK and three completed sentences labelled stereotype,
 * anti-stereotype and unrelated, in one bias domain (gender, profession, race, religion).
 */
public record StereoSetExample(String id, String biasType, String target, String context, String stereotype, String antiStereotype, String unrelated) implements java.io.Serializable {

    /** Reads {@code data.intrasentence[]} of a StereoSet JSON file (dev.json / test.json format). */
    public static List<StereoSetExample> read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new InputException(file.toString(), "not a readable StereoSet JSON file: " + e.getMessage(), e);
        }
        JsonNode items = root.path("data").path("intrasentence");
        if (!items.isArray() || items.isEmpty()) throw new InputException(file, "expected a non-empty array data.intrasentence[]");
        List<StereoSetExample> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode it = items.get(i);
            String where = "data.intrasentence[" + i + "]";
            String s = null, a = null, u = null;
            for (JsonNode sent : it.path("sentences")) {
                String label = sent.path("gold_label").asText("");
                String text = sent.path("sentence").asText(null);
                switch (label) {
                    case "stereotype" -> s = text;
                    case "anti-stereotype" -> a = text;
                    case "unrelated" -> u = text;
                    default -> throw new InputException(file, where + ": gold_label must be stereotype, anti-stereotype or unrelated, got '" + label + "'");
                }
            }
            if (s == null || a == null || u == null) throw new InputException(file, where + ": needs one sentence per gold_label (stereotype, anti-stereotype, unrelated)");
            String bias = it.path("bias_type").asText("");
            if (bias.isEmpty()) throw new InputException(file, where + ": missing bias_type");
            out.add(new StereoSetExample(it.path("id").asText(String.valueOf(i)), bias, it.path("target").asText(""), it.path("context").asText(""), s, a, u));
        }
        return out;
    }
}
