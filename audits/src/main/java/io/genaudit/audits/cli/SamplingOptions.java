package io.genaudit.audits.cli;

import io.genaudit.engine.InputException;
import io.genaudit.engine.lm.SamplingSettings;
import picocli.CommandLine.Option;

import java.util.List;

/**
 * How a command samples generations from a language model ({@code --max-new-tokens}, {@code --temperature},
 * {@code --top-k}, {@code --top-p}), as a picocli mixin that checks them into one {@link SamplingSettings}.
 */
public final class SamplingOptions {
    @Option(names = "--max-new-tokens", defaultValue = "30", paramLabel = "N", description = "Tokens per generation (default: ${DEFAULT-VALUE}).")
    int maxNewTokens;

    @Option(names = "--temperature", defaultValue = "1.0", paramLabel = "T", description = "Sampling temperature, 0 = greedy (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--top-k", defaultValue = "0", paramLabel = "K", description = "Sample from the K most likely tokens, 0 = all (default: ${DEFAULT-VALUE}).")
    int topK;

    @Option(names = "--top-p", defaultValue = "1.0", paramLabel = "P", description = "Nucleus sampling mass (default: ${DEFAULT-VALUE}).")
    double topP;

    /** The checked settings; a bad value is an {@link InputException} naming the four options. */
    SamplingSettings settings() {
        try {
            return new SamplingSettings(maxNewTokens, temperature, topK, topP, List.of());
        } catch (IllegalArgumentException e) {
            throw new InputException("--max-new-tokens/--temperature/--top-k/--top-p", e.getMessage());
        }
    }
}
