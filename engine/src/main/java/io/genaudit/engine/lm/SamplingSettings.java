package io.genaudit.engine.lm;

import java.util.List;

/**
 * How to pick the next token: temperature 0 means greedy; topK 0 and topP 1 disable those filters.
 * Generation stops after {@code maxNewTokens} or when the decoded text ends with one of {@code stop}.
 */
public record SamplingSettings(int maxNewTokens, double temperature, int topK, double topP, List<String> stop) {
    public SamplingSettings {
        if (maxNewTokens < 0) throw new IllegalArgumentException("maxNewTokens must be >= 0");
        if (temperature < 0) throw new IllegalArgumentException("temperature must be >= 0");
        if (topP <= 0 || topP > 1) throw new IllegalArgumentException("topP must be in (0,1]");
        stop = stop == null ? List.of() : List.copyOf(stop);
    }

    public static SamplingSettings greedy(int maxNewTokens) {
        return new SamplingSettings(maxNewTokens, 0, 0, 1, List.of());
    }
}
