package io.genaudit.metrics.bias;

import io.genaudit.engine.InputException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One counterfactual sentence pair in the CrowS-Pairs format: {@code sentMore} names the more-disadvantaged group,
 * {@code sentLess} the less; {@code direction} says whether {@code sentMore} states (stereo) or violates (antistereo)
 * the stereotype.
 */
public record CrowsPair(int index, String sentMore, String sentLess, String direction, String biasType) implements java.io.Serializable {

    /** Reads a CrowS-Pairs CSV (columns sent_more, sent_less, stereo_antistereo, bias_type; others ignored). */
    public static List<CrowsPair> read(Path csv) {
        List<Map<String, String>> rows = CsvTable.read(csv);
        if (rows.isEmpty()) throw new InputException(csv, "no pairs: expected rows with columns sent_more, sent_less, stereo_antistereo, bias_type");
        for (String col : List.of("sent_more", "sent_less", "bias_type")) {
            if (!rows.get(0).containsKey(col)) throw new InputException(csv, "missing column '" + col + "'; found " + rows.get(0).keySet());
        }
        List<CrowsPair> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> r = rows.get(i);
            String more = r.get("sent_more"), less = r.get("sent_less");
            if (more.isBlank() || less.isBlank()) throw new InputException(csv, "row " + (i + 2) + ": sent_more and sent_less must not be empty");
            out.add(new CrowsPair(i, more, less, r.getOrDefault("stereo_antistereo", "stereo").trim(), r.get("bias_type").trim()));
        }
        return out;
    }
}
