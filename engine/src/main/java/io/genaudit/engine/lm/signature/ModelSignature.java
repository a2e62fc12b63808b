package io.genaudit.engine.lm.signature;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a model file declares: its format and its inputs and outputs in declaration order. Read from the ONNX graph
 * (through ONNX Runtime's session metadata) or from a TorchScript archive's {@code forward} schema, so genaudit feeds
 * inputs by name and explains a file it cannot drive by quoting what the file declares.
 *
 * @param format  {@code ONNX} or {@code TorchScript}
 * @param inputs  declared inputs, in order (for TorchScript: {@code forward}'s parameters after {@code self})
 * @param outputs declared outputs (for TorchScript: one entry named {@code return} whose dtype is the return type)
 */
public record ModelSignature(String format, List<TensorDecl> inputs, List<TensorDecl> outputs) {
    public ModelSignature {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    public Optional<TensorDecl> input(String name) {
        return inputs.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public Optional<TensorDecl> output(String name) {
        return outputs.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** {@code inputs (a: int64 [..], ...) -> outputs (...)}, for error messages. */
    public String describe() {
        return "inputs (" + inputs.stream().map(TensorDecl::toString).collect(Collectors.joining(", ")) + ") -> outputs ("
                + outputs.stream().map(TensorDecl::toString).collect(Collectors.joining(", ")) + ")";
    }
}
