package io.genaudit.audits.modules;

import io.genaudit.audits.Params;
import io.genaudit.audits.PlanException;
import io.genaudit.metrics.detect.Perturbation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the {@code robustness:} parameter, e.g. {@code {jpeg: [90, 75, 50], downscale: [0.5], noise: [0.02]}}. */
final class DetectabilityRobustness {
    private DetectabilityRobustness() {
    }

    static List<Perturbation> parse(Params p, String planFile) {
        Object v = p.values().get("robustness");
        if (v == null) return List.of();
        String field = p.prefix() + ".robustness";
        if (!(v instanceof Map<?, ?> m)) throw new PlanException(planFile, field, "a mapping like {jpeg: [90, 75], downscale: [0.5], noise: [0.02]} expected, got '" + v + "'");
        List<Perturbation> out = new ArrayList<>();
        for (var e : m.entrySet()) {
            String kind = String.valueOf(e.getKey());
            Object list = e.getValue();
            List<?> values = list instanceof List<?> l ? l : List.of(list);
            for (Object s : values) {
                if (!(s instanceof Number n)) throw new PlanException(planFile, field + "." + kind, "numbers expected, got '" + s + "'");
                try {
                    out.add(Perturbation.of(kind, n.doubleValue()));
                } catch (IllegalArgumentException ex) {
                    throw new PlanException(planFile, field + "." + kind, ex.getMessage());
                }
            }
        }
        return out;
    }
}
