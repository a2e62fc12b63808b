package io.genaudit.audits;

/**
 * A model as the plan declares it: id, type (a built-in architecture to train, or a file format to load) and its
 * options ({@code path}, {@code train}, {@code latentDim}, ...), validated by the {@link ModelProvider} for the type.
 */
public record ModelSpec(String id, String type, Params params, String planFile) {
}
