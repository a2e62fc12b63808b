package io.genaudit.engine.lm.onnx;

/**
 * One decoder block's cache slots in an ONNX export: the {@code past_key_values.N.key/value} inputs, the
 * {@code present.N.key/value} outputs and the fixed sizes of the [batch, heads, sequence, headDim] cache tensors.
 */
public record PastLayer(int index, String pastKey, String pastValue, String presentKey, String presentValue, long heads, long headDim) {
}
